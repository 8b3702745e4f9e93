using Cce.Runtime.Tests.Infrastructure;
using Cce.Runtime.Tests.Losses;
using Xunit;
using Xunit.Abstractions;

namespace Cce.Runtime.Tests.Validation;

/// <summary>
/// A result lives in its loss object's buffers until the next call overwrites them. Gradient accumulation
/// (<c>r1 = Forward(a); Forward(b); Backward(a, r1.Lse)</c>) must then fail saying so, never run on b's log-sum-exp.
/// </summary>
[Collection("cpu")]
public sealed class StaleResultTests(CpuDeviceFixture fixture, ITestOutputHelper output)
{
    private CceDevice Device => fixture.Device;

    [Fact]
    public void AnLseOverwrittenByALaterForwardIsRejectedByBackward()
    {
        using SampledTestLoss loss = SampledTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        LossResult first = loss.Forward(batch.Hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step);
        loss.Forward(batch.Hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step + 1);

        Rejection.Assert<ArgumentException>(
            loss, batch, () => loss.Backward(batch.Hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step, first.Lse, batch.GradHidden, batch.GradItems),
            "lse", "call 1 (Forward)", "call 2 (Forward) has overwritten", "Clone()");
    }

    [Fact]
    public void ReadingAStaleResultThrowsInsteadOfReturningTheLaterCallsNumbers()
    {
        using SampledTestLoss loss = SampledTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        LossResult first = loss.Forward(batch.Hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step);
        LossResult second = loss.ForwardBackward(batch.Hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step + 1, batch.GradHidden, batch.GradItems);

        Assert.Contains("ForwardBackward", first.Lse.StaleReason, StringComparison.Ordinal);
        var exception = Assert.Throws<InvalidOperationException>(() => first.RowLoss.ToArray());
        Assert.Contains("has overwritten", exception.Message, StringComparison.Ordinal);
        Assert.Null(second.Lse.StaleReason);
        Assert.Equal(batch.Rows, second.Lse.ToArray().Length);
    }

    [Fact]
    public void BackwardFromTheCurrentResultLeavesItCurrent()
    {
        using SampledTestLoss loss = SampledTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        LossResult result = loss.Forward(batch.Hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step);
        float[] lse = result.Lse.ToArray();

        loss.Backward(batch.Hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step, result.Lse, batch.GradHidden, batch.GradItems);
        loss.Backward(batch.Hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step, result.Lse, batch.GradHidden, batch.GradItems);

        Assert.Equal(lse, result.Lse.ToArray());
    }

    [Fact]
    public void ACallAtAnotherRowCountMakesEarlierResultsStale()
    {
        using SampledTestLoss loss = SampledTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        using var smaller = new TestBatch(Device, loss.Description, new RandomData(output), rows: 5);
        LossResult first = loss.Forward(batch.Hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step);

        // Backward with the caller's own LSE still replaces the row buffers when N changes.
        loss.Backward(smaller.Hidden, smaller.Items, smaller.Targets, TestBatch.Seed, TestBatch.Step, smaller.Lse, smaller.GradHidden, smaller.GradItems);

        Assert.Contains("call 2 (Backward)", first.Lse.StaleReason, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => first.Lse.ToArray());
    }

    [Fact]
    public void ACloneKeepsGradientAccumulationExact()
    {
        using SampledTestLoss loss = SampledTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        using var other = new TestBatch(Device, loss.Description, new RandomData(output));
        LossResult first = loss.Forward(batch.Hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step);
        using CceTensor<float> kept = first.Lse.Clone();
        float[] expectedLse = first.Lse.ToArray();
        loss.Forward(other.Hidden, other.Items, other.Targets, TestBatch.Seed, TestBatch.Step + 1);

        batch.Poison();
        loss.Backward(batch.Hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step, kept, batch.GradHidden, batch.GradItems);

        Assert.Equal(expectedLse, kept.ToArray());
        float[] dh = batch.GradHidden.ToArray();
        for (int i = 0; i < dh.Length; i++)
        {
            Assert.InRange(Math.Abs(dh[i] - batch.Reference.GradHidden[i]), 0, 1e-5 + (1e-5 * Math.Abs(batch.Reference.GradHidden[i])));
        }
    }

    [Fact]
    public void ResultsOfADisposedLossAreStale()
    {
        SampledTestLoss loss = SampledTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        LossResult result = loss.Forward(batch.Hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step);
        loss.Dispose();

        Assert.Contains("disposed", result.Lse.StaleReason, StringComparison.Ordinal);
        Assert.Throws<InvalidOperationException>(() => result.Lse.ToArray());
    }
}
