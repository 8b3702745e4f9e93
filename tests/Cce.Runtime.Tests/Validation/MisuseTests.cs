using Cce.Runtime.Tests.Infrastructure;
using Cce.Runtime.Tests.Losses;
using Xunit;
using Xunit.Abstractions;

namespace Cce.Runtime.Tests.Validation;

/// <summary>Misuse a training loop commits sooner or later: it must be rejected cleanly, never crash or corrupt.</summary>
[Collection("cpu")]
public sealed class MisuseTests(CpuDeviceFixture fixture, ITestOutputHelper output)
{
    private CceDevice Device => fixture.Device;

    [Fact]
    public void NullGradientBuffersAreRejectedBeforeAnythingRuns()
    {
        using SampledTestLoss loss = SampledTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));

        Rejection.Assert<ArgumentNullException>(
            loss, batch, () => loss.ForwardBackward(batch.Hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step, null!, batch.GradItems),
            "gradHidden");
        Rejection.Assert<ArgumentNullException>(
            loss, batch, () => loss.ForwardBackward(batch.Hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step, batch.GradHidden, null!),
            "gradItems");
        Rejection.Assert<ArgumentNullException>(
            loss, batch, () => loss.Backward(batch.Hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step, batch.Lse, null!, batch.GradItems),
            "gradHidden");
        Rejection.Assert<ArgumentNullException>(
            loss, batch, () => loss.Backward(batch.Hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step, batch.Lse, batch.GradHidden, null!),
            "gradItems");
        Rejection.Assert<ArgumentNullException>(
            loss, batch, () => loss.Backward(batch.Hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step, null!, batch.GradHidden, batch.GradItems),
            "lse");
    }

    [Fact]
    public void ACallThatFailsAtANewRowCountLeavesThePreviousResultReadable()
    {
        using SampledTestLoss loss = SampledTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        LossResult previous = loss.Forward(batch.Hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step);
        float[] lse = previous.Lse.ToArray();
        float[] rowLoss = previous.RowLoss.ToArray();

        const int rows = 5;
        using CceTensor<float> hidden = Device.Upload<float>(batch.HiddenHost.AsSpan(0, rows * 16), rows, 16);
        using CceTensor<int> badTargets = Device.Upload<int>([0, 1, batch.Catalog + 7, 2, 3], rows, 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => loss.Forward(hidden, batch.Items, badTargets, TestBatch.Seed, TestBatch.Step));

        Assert.Equal(lse, previous.Lse.ToArray());
        Assert.Equal(rowLoss, previous.RowLoss.ToArray());
    }

    [Fact]
    public void AGradientThatAliasesAnInputIsRejectedNamingBoth()
    {
        using SampledTestLoss loss = SampledTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));

        Rejection.Assert<ArgumentException>(
            loss, batch, () => loss.ForwardBackward(batch.Hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step, batch.GradHidden, batch.Items),
            "gradItems", "overlaps items");
        Rejection.Assert<ArgumentException>(
            loss, batch, () => loss.ForwardBackward(batch.Hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step, batch.Hidden, batch.GradItems),
            "gradHidden", "overlaps hidden", "in-place gradients are not supported");
        Rejection.Assert<ArgumentException>(
            loss, batch, () => loss.Backward(batch.Hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step, batch.Lse, batch.GradHidden, batch.Items),
            "gradItems", "overlaps items");

        // A view of part of the item table, shaped like dH, overlaps it all the same.
        using CceTensor<float> part = CceTensor<float>.Wrap(Device, batch.Items.View.SubView(16L * 16, (long)batch.Rows * 16), batch.Rows, 16);
        Rejection.Assert<ArgumentException>(
            loss, batch, () => loss.ForwardBackward(batch.Hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step, part, batch.GradItems),
            "gradHidden", "overlaps items");
    }

    [Fact]
    public void TwoGradientsInOneBufferAreRejected()
    {
        // With N = V, dH and dW have the same shape and could be handed the same buffer.
        using SampledTestLoss loss = SampledTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output), rows: 29, catalog: 29);

        Rejection.Assert<ArgumentException>(
            loss, batch, () => loss.ForwardBackward(batch.Hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step, batch.GradItems, batch.GradItems),
            "gradHidden", "overlaps gradItems");
    }

    [Fact]
    public void AMeanOverNoValidRowIsZeroWithZeroGradients()
    {
        using SampledTestLoss loss = SampledTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        using CceTensor<int> ignored = Device.Upload<int>([.. Enumerable.Repeat(-100, batch.Rows)], batch.Rows, 1);
        batch.Poison();

        LossResult result = loss.ForwardBackward(batch.Hidden, batch.Items, ignored, TestBatch.Seed, TestBatch.Step, batch.GradHidden, batch.GradItems);

        Assert.Equal(0f, result.Loss);
        Assert.Equal(0, result.ValidRows);
        Assert.All(batch.GradHidden.ToArray(), v => Assert.Equal(0f, v));
        Assert.All(batch.GradItems.ToArray(), v => Assert.Equal(0f, v));
        var reference = Reference.ReferenceLoss.Compute(
            loss.Description, TestBatch.Widen(batch.HiddenHost), TestBatch.Widen(batch.ItemsHost), [.. Enumerable.Repeat(-100, batch.Rows)],
            (_, _) => 0, batch.Catalog);
        Assert.Equal(0.0, reference.Loss);
    }
}
