using Cce.Runtime.Tests.Infrastructure;
using Cce.Runtime.Tests.Losses;
using Cce.Runtime.Tests.Validation;
using Xunit;
using Xunit.Abstractions;

namespace Cce.Runtime.Tests.Families;

/// <summary>
/// The sorted per-row pipeline's own contract beyond the numerics the loss matrix checks: any chunking gives the
/// reference, the workspace stays within its limit and fails cleanly below the smallest plan, and stages are reported.
/// </summary>
[Collection("cpu")]
public sealed class SortedPipelineTests(CpuDeviceFixture fixture, ITestOutputHelper output)
{
    private CceDevice Device => fixture.Device;

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(5)]
    public void AnyChunkingGivesTheReference(int rowsPerChunk)
    {
        using SortedTestLoss loss = SortedTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output), rows: 13, catalog: 29);

        // Two ints per item, a float per row, then 2·K bytes per row of a chunk (the CPU's scan needs no scratch).
        loss.WorkspaceLimit = (2L * (batch.Catalog + 1) * sizeof(int)) + (batch.Rows * sizeof(float)) + (2L * loss.Description.Negatives * rowsPerChunk);

        batch.AssertComputesReference(loss);
        Assert.InRange(loss.WorkspaceBytes, 1, loss.WorkspaceLimit);
    }

    [Fact]
    public void ChunkedAndWholeCallsAgree()
    {
        using SortedTestLoss whole = SortedTestLoss.Create(Device);
        using SortedTestLoss chunked = SortedTestLoss.Create(Device);
        using var batch = new TestBatch(Device, whole.Description, new RandomData(output), rows: 40, catalog: 7);
        chunked.WorkspaceLimit = (2L * 8 * sizeof(int)) + (40 * sizeof(float)) + (2L * 3 * 4);

        whole.ForwardBackward(batch.Hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step, batch.GradHidden, batch.GradItems);
        float[] dh = batch.GradHidden.ToArray();
        float[] dw = batch.GradItems.ToArray();
        batch.Poison();
        chunked.ForwardBackward(batch.Hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step, batch.GradHidden, batch.GradItems);

        // dH comes from pass 1, which never sees the chunks: bitwise equal. A dW row sums its chunks' partial sums, so
        // another chunking rounds differently: equal within fp32 rounding.
        Assert.Equal(dh, batch.GradHidden.ToArray());
        float[] chunkedW = batch.GradItems.ToArray();
        for (int i = 0; i < dw.Length; i++)
        {
            Assert.InRange(Math.Abs(chunkedW[i] - dw[i]), 0, 1e-6 + (1e-5 * Math.Abs(dw[i])));
        }
    }

    [Fact]
    public void ALimitBelowTheSmallestPlanFailsWithNothingWritten()
    {
        using SortedTestLoss loss = SortedTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        loss.WorkspaceLimit = 64;
        batch.Poison();

        var exception = Assert.Throws<InvalidOperationException>(() =>
            loss.ForwardBackward(batch.Hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step, batch.GradHidden, batch.GradItems));

        Assert.Contains("workspace limit of at least", exception.Message, StringComparison.Ordinal);
        Assert.Contains("the limit is 64 bytes", exception.Message, StringComparison.Ordinal);
        batch.AssertPoisonIntact();
        loss.WorkspaceLimit = CatalogLoss.DefaultWorkspaceLimit;
        batch.AssertComputesReference(loss);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-1L)]
    public void ANonPositiveLimitIsRefused(long limit)
    {
        using SortedTestLoss loss = SortedTestLoss.Create(Device);
        var exception = Assert.Throws<ArgumentOutOfRangeException>(() => loss.WorkspaceLimit = limit);
        Assert.Equal(nameof(CatalogLoss.WorkspaceLimit), exception.ParamName);
    }

    [Fact]
    public void TheWorkspaceIsReportedAndKeptAcrossCallsAtOneShape()
    {
        using SortedTestLoss loss = SortedTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        Assert.Equal(0, loss.WorkspaceBytes);
        loss.Forward(batch.Hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step);
        Assert.Equal(0, loss.WorkspaceBytes);

        loss.ForwardBackward(batch.Hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step, batch.GradHidden, batch.GradItems);
        long first = loss.WorkspaceBytes;
        loss.ForwardBackward(batch.Hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step + 1, batch.GradHidden, batch.GradItems);

        Assert.InRange(first, 1, CatalogLoss.DefaultWorkspaceLimit);
        Assert.Equal(first, loss.WorkspaceBytes);
    }

    [Fact]
    public void StagesAreReportedWhenAskedFor()
    {
        using SortedTestLoss sorted = SortedTestLoss.Create(Device);
        using SampledTestLoss fused = SampledTestLoss.Create(Device);
        using var batch = new TestBatch(Device, sorted.Description, new RandomData(output));
        sorted.ForwardBackward(batch.Hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step, batch.GradHidden, batch.GradItems);
        Assert.Empty(sorted.StageTimes);

        sorted.RecordStages = true;
        fused.RecordStages = true;
        sorted.ForwardBackward(batch.Hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step, batch.GradHidden, batch.GradItems);
        fused.ForwardBackward(batch.Hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step, batch.GradHidden, batch.GradItems);

        Assert.Equal(["pass 1", "count", "scan", "fill", "reduce", "positives"], sorted.StageTimes.Select(s => s.Stage));
        Assert.All(sorted.StageTimes, s => Assert.True(s.Milliseconds >= 0));
        Assert.Equal(["fused"], fused.StageTimes.Select(s => s.Stage));
    }

    [Fact]
    public void SortedAndFusedPipelinesAgreeOnEveryOutput()
    {
        using SortedTestLoss sorted = SortedTestLoss.Create(Device);
        using SampledTestLoss fused = SampledTestLoss.Create(Device);
        using var batch = new TestBatch(Device, sorted.Description, new RandomData(output));
        batch.AssertComputesReference(sorted);
        batch.AssertComputesReference(fused);
        Rejection.Assert<ArgumentOutOfRangeException>(
            sorted, batch, () => sorted.ForwardBackward(batch.Hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step, batch.GradHidden, batch.GradItems, float.NaN),
            "upstream");
    }
}
