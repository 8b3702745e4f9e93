using Cce.Kernels;
using Cce.Runtime.Tests.Infrastructure;
using Cce.Runtime.Tests.Kernels;
using Xunit;
using Xunit.Abstractions;

namespace Cce.Runtime.Tests.Schemes;

/// <summary>The public entry points of <see cref="CatalogDistribution"/>: shapes, exponents, updates and bad input.</summary>
[Collection("cpu")]
public sealed class CatalogDistributionTests(CpuDeviceFixture fixture, ITestOutputHelper output)
{
    private CceDevice Device => fixture.Device;

    [Fact]
    public void ColumnRowAndHostCountsGiveTheSameDistribution()
    {
        var data = new RandomData(output);
        float[] counts = AliasReference.Counts("zipf", 1000, data.Random);
        using CceTensor<float> column = Device.Upload<float>(counts, counts.Length, 1);
        using CceTensor<float> row = Device.Upload<float>(counts, 1, counts.Length);
        using CatalogDistribution fromColumn = CatalogDistribution.FromCounts(Device, column, 0.75);
        using CatalogDistribution fromRow = CatalogDistribution.FromCounts(Device, row, 0.75);
        using CatalogDistribution fromHost = CatalogDistribution.FromCounts(Device, counts, 0.75);

        Assert.Same(Device, fromColumn.Device);
        Assert.Equal(1000, fromColumn.Catalog);
        Assert.Equal(0.75, fromColumn.Exponent);
        Assert.Equal(1, fromColumn.Version);
        Assert.Equal(fromColumn.TableToHost(), fromRow.TableToHost());
        Assert.Equal(fromColumn.TableToHost(), fromHost.TableToHost());
        Assert.Equal(fromColumn.Probabilities(), fromHost.Probabilities());
    }

    [Fact]
    public void ExponentOneFollowsRawCountsAndZeroIsUniformOverEveryItem()
    {
        float[] counts = [4, 0, 1, 3, 0, 2];
        using CatalogDistribution raw = CatalogDistribution.FromCounts(Device, counts);
        Assert.Equal(1.0, raw.Exponent);
        double[] q = raw.Probabilities();
        for (int j = 0; j < counts.Length; j++)
        {
            Assert.Equal(counts[j] / 10.0, q[j], 1e-15);
        }

        float[] logQ = raw.LogProbabilityToHost();
        Assert.Equal(float.NegativeInfinity, logQ[1]);
        Assert.Equal((float)Math.Log(0.4), logQ[0]);

        using CatalogDistribution uniform = CatalogDistribution.FromCounts(Device, counts, 0.0);
        Assert.All(uniform.Probabilities(), p => Assert.Equal(1.0 / 6, p, 1e-15));
        long[] masses = AliasReference.Reconstruct(uniform.TableToHost());
        Assert.Equal(6 * AliasReference.Unit, masses.Sum());
        Assert.All(masses, m => Assert.InRange(m, AliasReference.Unit - 1, AliasReference.Unit + 6));

        // All-zero counts are uniform too at α = 0: every weight is 0^0 = 1.
        using CatalogDistribution zeros = CatalogDistribution.FromCounts(Device, new float[5], 0.0);
        Assert.All(zeros.Probabilities(), p => Assert.Equal(0.2, p, 1e-15));
    }

    [Fact]
    public void UpdateRebuildsAndCountsVersions()
    {
        using CatalogDistribution distribution = CatalogDistribution.FromCounts(Device, [1f, 1f, 2f], 1.0);
        using CceTensor<float> next = Device.Upload<float>([0f, 3f, 1f], 3, 1);
        distribution.Update(next);
        Assert.Equal(2, distribution.Version);
        Assert.Equal([0.0, 0.75, 0.25], distribution.Probabilities(), (a, b) => Math.Abs(a - b) <= 1e-15);
        distribution.Update([2f, 2f, 0f]);
        Assert.Equal(3, distribution.Version);
        Assert.Equal([0.5, 0.5, 0.0], distribution.Probabilities(), (a, b) => Math.Abs(a - b) <= 1e-15);
        Assert.Equal([AliasReference.Unit * 3 / 2, AliasReference.Unit * 3 / 2, 0], AliasReference.Reconstruct(distribution.TableToHost()));
    }

    [Theory]
    [InlineData(-1f)]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void BadCountIsNamedWithItsIndexAndValue(float bad)
    {
        var counts = new float[700];
        Array.Fill(counts, 2f);
        counts[613] = bad;
        counts[650] = -5f;
        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(() => CatalogDistribution.FromCounts(Device, counts));
        output.WriteLine(error.Message);
        Assert.Equal("counts", error.ParamName);
        Assert.Contains("counts[613]", error.Message, StringComparison.Ordinal);
        Assert.Contains(bad.ToString(System.Globalization.CultureInfo.CurrentCulture), error.Message, StringComparison.Ordinal);
        Assert.Contains("finite and >= 0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AllZeroCountsAreRejectedForAPositiveExponent()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => CatalogDistribution.FromCounts(Device, new float[300], 0.75));
        output.WriteLine(error.Message);
        Assert.Equal("counts", error.ParamName);
        Assert.StartsWith("Expected at least one positive", error.Message, StringComparison.Ordinal);
        Assert.Contains("got 300 counts that are all zero", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(double.NegativeInfinity)]
    public void BadExponentIsRejected(double exponent)
    {
        ArgumentOutOfRangeException error = Assert.Throws<ArgumentOutOfRangeException>(() => CatalogDistribution.FromCounts(Device, [1f, 2f], exponent));
        Assert.Equal("exponent", error.ParamName);
        Assert.Equal(exponent, error.ActualValue);
        Assert.Contains("Expected a finite exponent >= 0", error.Message, StringComparison.Ordinal);
        Assert.Contains(exponent.ToString(System.Globalization.CultureInfo.CurrentCulture), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NullArgumentsAreNamed()
    {
        Assert.Equal("device", Assert.Throws<ArgumentNullException>(() => CatalogDistribution.FromCounts(null!, [1f])).ParamName);
        using CceTensor<float> counts = Device.Upload<float>([1f], 1, 1);
        Assert.Equal("device", Assert.Throws<ArgumentNullException>(() => CatalogDistribution.FromCounts(null!, counts)).ParamName);
        Assert.Equal("counts", Assert.Throws<ArgumentNullException>(() => CatalogDistribution.FromCounts(Device, (CceTensor<float>)null!)).ParamName);
        using CatalogDistribution distribution = CatalogDistribution.FromCounts(Device, counts);
        Assert.Equal("counts", Assert.Throws<ArgumentNullException>(() => distribution.Update((CceTensor<float>)null!)).ParamName);
    }

    [Fact]
    public void CountsOnAnotherDeviceAreRejected()
    {
        using CceDevice other = CceDevice.Open(DeviceKind.Cpu);
        using CceTensor<float> elsewhere = other.Upload<float>([1f, 2f], 2, 1);
        ArgumentException error = Assert.Throws<ArgumentException>(() => CatalogDistribution.FromCounts(Device, elsewhere));
        Assert.Equal("counts", error.ParamName);
        Assert.Contains($"Expected counts on device '{Device}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("another device", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadShapesAndLengthsAreRejected()
    {
        using CceTensor<float> matrix = Device.Upload<float>(new float[6], 2, 3);
        ArgumentException shape = Assert.Throws<ArgumentException>(() => CatalogDistribution.FromCounts(Device, matrix));
        Assert.Equal("counts", shape.ParamName);
        Assert.Contains("[V, 1] or [1, V]; got [2, 3]", shape.Message, StringComparison.Ordinal);

        using CceTensor<float> empty = Device.Allocate<float>(0, 1);
        ArgumentException none = Assert.Throws<ArgumentException>(() => CatalogDistribution.FromCounts(Device, empty));
        Assert.Equal("counts", none.ParamName);
        Assert.Contains("got 0", none.Message, StringComparison.Ordinal);
        Assert.Equal("counts", Assert.Throws<ArgumentException>(() => CatalogDistribution.FromCounts(Device, ReadOnlySpan<float>.Empty)).ParamName);

        using CatalogDistribution distribution = CatalogDistribution.FromCounts(Device, [1f, 2f, 3f]);
        using CceTensor<float> longer = Device.Upload<float>([1f, 2f, 3f, 4f], 4, 1);
        ArgumentException length = Assert.Throws<ArgumentException>(() => distribution.Update(longer));
        Assert.Equal("counts", length.ParamName);
        Assert.Contains("Expected counts with 3 elements (the catalog size); got 4", length.Message, StringComparison.Ordinal);
        Assert.Equal("counts", Assert.Throws<ArgumentException>(() => distribution.Update([1f, 2f])).ParamName);
    }

    [Theory]
    [InlineData("negative")]
    [InlineData("nan")]
    [InlineData("zeros")]
    [InlineData("length")]
    [InlineData("device")]
    public void FailedUpdateLeavesTheDistributionUnchanged(string failure)
    {
        var data = new RandomData(output);
        float[] counts = AliasReference.Counts("zipf", 997, data.Random);
        using CatalogDistribution distribution = CatalogDistribution.FromCounts(Device, counts, 0.75);
        int[] table = distribution.TableToHost();
        double[] q = distribution.Probabilities();
        float[] logQ = distribution.LogProbabilityToHost();

        float[] next = AliasReference.Counts("random", 997, data.Random);
        next[500] = failure switch { "negative" => -1f, "nan" => float.NaN, _ => next[500] };
        if (failure == "zeros")
        {
            Array.Clear(next);
        }

        using CceDevice other = CceDevice.Open(DeviceKind.Cpu);
        using CceTensor<float> tensor = failure switch
        {
            "length" => Device.Upload<float>(next.AsSpan(0, 996), 996, 1),
            "device" => other.Upload<float>(next, 997, 1),
            _ => Device.Upload<float>(next, 997, 1),
        };
        ArgumentException error = Assert.ThrowsAny<ArgumentException>(() => distribution.Update(tensor));
        Assert.Equal("counts", error.ParamName);

        Assert.Equal(1, distribution.Version);
        Assert.Equal(table, distribution.TableToHost());
        Assert.Equal(q, distribution.Probabilities());
        Assert.Equal(logQ, distribution.LogProbabilityToHost());
    }

    [Fact]
    public void DisposedDistributionRefusesUse()
    {
        CatalogDistribution distribution = CatalogDistribution.FromCounts(Device, [1f, 2f]);
        distribution.Dispose();
        distribution.Dispose();
        Assert.Throws<ObjectDisposedException>(() => distribution.Probabilities());
        Assert.Throws<ObjectDisposedException>(() => distribution.TableToHost());
        Assert.Throws<ObjectDisposedException>(() => distribution.Update([1f, 2f]));
        using CceTensor<float> counts = Device.Upload<float>([1f, 2f], 2, 1);
        Assert.Throws<ObjectDisposedException>(() => distribution.Update(counts));
    }

    [Fact]
    public void DisposedCountsAreRefused()
    {
        CceTensor<float> counts = Device.Upload<float>([1f, 2f], 2, 1);
        counts.Dispose();
        Assert.Throws<ObjectDisposedException>(() => CatalogDistribution.FromCounts(Device, counts));
    }

    [Fact]
    public void HostDrawsMatchTheTableOfTheDistribution()
    {
        // A smoke test of the host path a scheme uses: every draw is an item of positive probability.
        using CatalogDistribution distribution = CatalogDistribution.FromCounts(Device, [0f, 5f, 0f, 1f, 0f], 1.0);
        int[] table = distribution.TableToHost();
        for (int slot = 0; slot < 2000; slot++)
        {
            int item = AliasSampler.Draw(11, 3, 7, slot, table);
            Assert.True(item == 1 || item == 3, $"drew item {item}");
        }
    }
}
