using Cce.Runtime.Tests.Infrastructure;
using Cce.Runtime.Tests.Losses;
using Xunit;
using Xunit.Abstractions;

namespace Cce.Runtime.Tests.Validation;

/// <summary>
/// The item frequencies of an in-batch LogQ loss: required, over the item table's catalog, on the loss's device, and
/// with every q(j) &gt; 0 (log q enters the logits); a loss without LogQ refuses them. Nothing is written on refusal.
/// </summary>
[Collection("cpu")]
public sealed class InBatchValidationTests(CpuDeviceFixture fixture, ITestOutputHelper output)
{
    private const int Rows = 13, Catalog = 29;

    private CceDevice Device => fixture.Device;

    /// <summary>
    /// A ForwardBackward of the LogQ test loss with the source <paramref name="source"/> makes is refused naming
    /// <c>negatives</c>, with the fragments in its message, and writes nothing into the poisoned gradients.
    /// </summary>
    private void AssertRejected<TException>(Func<CceDevice, NegativeSource> source, params string[] fragments)
        where TException : ArgumentException
    {
        using InBatchLogQTestLoss loss = InBatchLogQTestLoss.Create(Device);
        var data = new RandomData(output);
        using CceTensor<float> hidden = Device.Upload<float>(data.Embeddings(Rows * 16), Rows, 16);
        using CceTensor<float> items = Device.Upload<float>(data.Embeddings(Catalog * 16), Catalog, 16);
        using CceTensor<int> targets = Device.Upload<int>(data.Targets(Rows, Catalog, -100), Rows, 1);
        float[] poison = Enumerable.Repeat(float.NaN, Catalog * 16).ToArray();
        using CceTensor<float> gradHidden = Device.Upload<float>(poison.AsSpan(0, Rows * 16), Rows, 16);
        using CceTensor<float> gradItems = Device.Upload<float>(poison, Catalog, 16);

        TException e = Assert.Throws<TException>(() => loss.ForwardBackward(hidden, items, targets, source(Device), gradHidden, gradItems));

        Assert.Equal("negatives", e.ParamName);
        Assert.All(fragments, f => Assert.Contains(f, e.Message, StringComparison.Ordinal));
        Assert.All(gradHidden.ToArray(), v => Assert.True(float.IsNaN(v)));
        Assert.All(gradItems.ToArray(), v => Assert.True(float.IsNaN(v)));
    }

    [Fact]
    public void LogQWithoutFrequenciesIsRejected() =>
        AssertRejected<ArgumentException>(_ => default, "Expected item frequencies", "got none");

    [Fact]
    public void FrequenciesWithAZeroAreRejected()
    {
        float[] counts = Enumerable.Repeat(2f, Catalog).ToArray();
        counts[Catalog / 2] = 0f;
        using CatalogDistribution frequencies = CatalogDistribution.FromCounts(Device, counts);
        AssertRejected<ArgumentOutOfRangeException>(_ => NegativeSource.FromFrequencies(frequencies), "Expected a positive frequency q(j) for every item", "q = 0");
    }

    [Fact]
    public void FrequenciesOverAnotherCatalogAreRejected()
    {
        using CatalogDistribution frequencies = CatalogDistribution.FromCounts(Device, Enumerable.Repeat(1f, Catalog + 1).ToArray());
        AssertRejected<ArgumentException>(_ => NegativeSource.FromFrequencies(frequencies), $"over the {Catalog} items", $"over {Catalog + 1} items");
    }

    [Fact]
    public void FrequenciesOnAnotherDeviceAreRejected()
    {
        using CceDevice other = CceDevice.Open(DeviceKind.Cpu);
        using CatalogDistribution frequencies = CatalogDistribution.FromCounts(other, Enumerable.Repeat(1f, Catalog).ToArray());
        AssertRejected<ArgumentException>(_ => NegativeSource.FromFrequencies(frequencies), "Expected the item frequencies on device", "on another device");
    }

    [Fact]
    public void ExplicitNegativesAreRejected()
    {
        using CceTensor<int> negatives = Device.Upload<int>(new int[Rows * 3], Rows, 3);
        AssertRejected<ArgumentException>(_ => NegativeSource.FromTensor(negatives), "Expected no explicit negatives for the InBatch scheme", "got explicit negatives");
    }

    [Fact]
    public void NullFrequenciesAreRejectedByTheTypedEntryPoint()
    {
        using InBatchLogQTestLoss loss = InBatchLogQTestLoss.Create(Device);
        var data = new RandomData(output);
        using CceTensor<float> hidden = Device.Upload<float>(data.Embeddings(Rows * 16), Rows, 16);
        using CceTensor<float> items = Device.Upload<float>(data.Embeddings(Catalog * 16), Catalog, 16);
        using CceTensor<int> targets = Device.Upload<int>(data.Targets(Rows, Catalog, -100), Rows, 1);
        ArgumentNullException e = Assert.Throws<ArgumentNullException>(() => loss.Forward(hidden, items, targets, (CatalogDistribution)null!));
        Assert.Equal("frequencies", e.ParamName);
    }

    [Fact]
    public void FrequenciesGivenToALossWithoutLogQAreRejected()
    {
        using Cce.Verification.Losses.InBatchF32MeanLoss loss = Cce.Verification.Losses.InBatchF32MeanLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        using CatalogDistribution frequencies = CatalogDistribution.FromCounts(Device, Enumerable.Repeat(1f, batch.Catalog).ToArray());
        Rejection.Assert<ArgumentException>(
            loss, batch, () => loss.ForwardBackward(batch.Hidden, batch.Items, batch.Targets, NegativeSource.FromFrequencies(frequencies), batch.GradHidden, batch.GradItems),
            "negatives", "Expected no item frequencies", "correction None");
    }
}
