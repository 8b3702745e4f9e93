using Cce.Runtime.Tests.Infrastructure;
using Cce.Runtime.Tests.Losses;
using Xunit;
using Xunit.Abstractions;

namespace Cce.Runtime.Tests.Validation;

/// <summary>SPEC §5: an upstream gradient that would turn every gradient into NaN or ∞, or that the reduction cannot use, is refused.</summary>
[Collection("cpu")]
public sealed class UpstreamValidationTests(CpuDeviceFixture fixture, ITestOutputHelper output)
{
    private CceDevice Device => fixture.Device;

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void NonFiniteUpstreamOfTheFusedPassIsRejected(float upstream)
    {
        using SampledTestLoss loss = SampledTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        var exception = Rejection.Assert<ArgumentOutOfRangeException>(
            loss, batch, () => loss.ForwardBackward(batch.Hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step, batch.GradHidden, batch.GradItems, upstream),
            "upstream", "finite", upstream.ToString(System.Globalization.CultureInfo.CurrentCulture));
        Assert.Equal(upstream, exception.ActualValue);
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    public void NonFiniteUpstreamOfTheBackwardPassIsRejected(float upstream)
    {
        using ExplicitTestLoss loss = ExplicitTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        var exception = Rejection.Assert<ArgumentOutOfRangeException>(
            loss, batch, () => loss.Backward(batch.Hidden, batch.Items, batch.Targets, batch.Negatives!, batch.Lse, batch.GradHidden, batch.GradItems, upstream),
            "upstream", "finite", upstream.ToString(System.Globalization.CultureInfo.CurrentCulture));
        Assert.Equal(upstream, exception.ActualValue);
    }

    [Fact]
    public void PerRowUpstreamOfAMeanLossIsRejected()
    {
        // A mean has one upstream scalar; per-row weights would have to be divided by a count the caller never sees.
        using SampledTestLoss loss = SampledTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        using CceTensor<float> perRow = Device.Upload<float>(Enumerable.Repeat(1f, batch.Rows).ToArray(), batch.Rows, 1);
        Rejection.Assert<ArgumentException>(
            loss, batch, () => loss.Backward(batch.Hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step, batch.Lse, batch.GradHidden, batch.GradItems, perRow),
            "upstreamPerRow", "Reduction = None", "Mean");
    }

    [Theory]
    [InlineData(float.NaN, 0)]
    [InlineData(float.PositiveInfinity, 7)]
    [InlineData(float.NegativeInfinity, 11)]
    public void NonFinitePerRowUpstreamIsRejectedNamingTheRow(float value, int row)
    {
        using PerRowUpstreamTestLoss loss = PerRowUpstreamTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        float[] weights = Enumerable.Repeat(0.5f, batch.Rows).ToArray();
        weights[row] = value;

        // Only the first bad row is named: a later one must not mask it.
        weights[batch.Rows - 1] = float.NaN;
        using CceTensor<float> perRow = Device.Upload<float>(weights, batch.Rows, 1);

        var exception = Rejection.Assert<ArgumentOutOfRangeException>(
            loss, batch, () => loss.Backward(batch.Hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step, batch.Lse, batch.GradHidden, batch.GradItems, perRow),
            "upstreamPerRow", "finite", $"row {row} holds");
        Assert.Equal(value, exception.ActualValue);
    }

    [Fact]
    public void AFinitePerRowUpstreamScalesEachRowsGradient()
    {
        using PerRowUpstreamTestLoss loss = PerRowUpstreamTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        float[] weights = Enumerable.Range(0, batch.Rows).Select(n => (n % 3) - 1f).ToArray();
        using CceTensor<float> perRow = Device.Upload<float>(weights, batch.Rows, 1);
        batch.Poison();

        loss.Backward(batch.Hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step, batch.Lse, batch.GradHidden, batch.GradItems, upstreamPerRow: perRow);

        float[] dh = batch.GradHidden.ToArray();
        int d = loss.Description.HiddenSize;
        for (int i = 0; i < dh.Length; i++)
        {
            double expected = weights[i / d] * batch.Reference.GradHidden[i];
            Assert.InRange(Math.Abs(dh[i] - expected), 0, 1e-5 + (1e-5 * Math.Abs(expected)));
        }
    }
}
