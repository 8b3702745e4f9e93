using Cce.Runtime.Tests.Infrastructure;
using Cce.Runtime.Tests.Losses;
using Cce.Verification.Losses;
using Xunit;
using Xunit.Abstractions;

namespace Cce.Runtime.Tests.Families;

/// <summary>
/// The stages the matrix kernels report when asked: the row pass alone for a forward call; the setup (row coefficients,
/// a shared set's dW clear), the row pass and the item pass for a call with gradients.
/// </summary>
[Collection("cpu")]
public sealed class MatrixStageTests(CpuDeviceFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public void EachPassIsAStage()
    {
        using SharedUniformF32MeanLoss loss = SharedUniformF32MeanLoss.Create(fixture.Device);
        using var batch = new TestBatch(fixture.Device, loss.Description, new RandomData(output), rows: 13, catalog: 29);
        loss.RecordStages = true;

        loss.Forward(batch.Hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step);
        Assert.Equal(["rows"], loss.StageTimes.Select(s => s.Stage));

        loss.ForwardBackward(batch.Hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step, batch.GradHidden, batch.GradItems);
        Assert.Equal(["setup", "rows", "items"], loss.StageTimes.Select(s => s.Stage));
        Assert.All(loss.StageTimes, s => Assert.True(s.Milliseconds >= 0));
    }
}
