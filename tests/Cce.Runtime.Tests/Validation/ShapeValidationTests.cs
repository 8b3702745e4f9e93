using Cce.Runtime.Tests.Infrastructure;
using Cce.Runtime.Tests.Losses;
using Xunit;
using Xunit.Abstractions;

namespace Cce.Runtime.Tests.Validation;

/// <summary>SPEC §5: tensors whose shape does not fit the declaration or the batch are rejected before any launch.</summary>
[Collection("cpu")]
public sealed class ShapeValidationTests(CpuDeviceFixture fixture, ITestOutputHelper output)
{
    private CceDevice Device => fixture.Device;

    [Fact]
    public void HiddenOfAnotherHiddenSizeIsRejected()
    {
        using ExplicitTestLoss loss = ExplicitTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        using CceTensor<float> hidden = Device.Allocate<float>(batch.Rows, 8);
        Rejection.Assert<ArgumentException>(
            loss, batch, () => loss.ForwardBackward(hidden, batch.Items, batch.Targets, batch.Negatives!, batch.GradHidden, batch.GradItems),
            "hidden", "[N, 16]", "[13, 8]");
    }

    [Fact]
    public void HiddenWithNoRowsIsRejected()
    {
        using SampledTestLoss loss = SampledTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        using CceTensor<float> hidden = Device.Allocate<float>(0, 16);
        using CceTensor<int> targets = Device.Allocate<int>(0, 1);
        Rejection.Assert<ArgumentException>(
            loss, batch, () => loss.Forward(hidden, batch.Items, targets, TestBatch.Seed, TestBatch.Step),
            "hidden", "at least one row", "[0, 16]");
    }

    [Fact]
    public void ItemsOfAnotherHiddenSizeAreRejected()
    {
        using SampledTestLoss loss = SampledTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        using CceTensor<float> items = Device.Allocate<float>(batch.Catalog, 8);
        Rejection.Assert<ArgumentException>(
            loss, batch, () => loss.ForwardBackward(batch.Hidden, items, batch.Targets, TestBatch.Seed, TestBatch.Step, batch.GradHidden, batch.GradItems),
            "items", "[V, 16]", "[29, 8]");
    }

    [Fact]
    public void TargetsOfAnotherLengthAreRejected()
    {
        using SampledTestLoss loss = SampledTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        using CceTensor<int> targets = Device.Upload<int>(batch.TargetsHost.AsSpan(1), batch.Rows - 1, 1);
        Rejection.Assert<ArgumentException>(
            loss, batch, () => loss.ForwardBackward(batch.Hidden, batch.Items, targets, TestBatch.Seed, TestBatch.Step, batch.GradHidden, batch.GradItems),
            "targets", "13 elements", "= 12");
    }

    [Fact]
    public void ExplicitNegativesOfAnotherShapeAreRejected()
    {
        using ExplicitTestLoss loss = ExplicitTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        using CceTensor<int> negatives = Device.Allocate<int>(batch.Rows, 2);
        negatives.Fill(0);
        Rejection.Assert<ArgumentException>(
            loss, batch, () => loss.ForwardBackward(batch.Hidden, batch.Items, batch.Targets, negatives, batch.GradHidden, batch.GradItems),
            "negatives", "[13, 3]", "[13, 2]");
    }

    [Fact]
    public void GradHiddenOfAnotherShapeIsRejected()
    {
        using SampledTestLoss loss = SampledTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        using CceTensor<float> gradHidden = Device.Allocate<float>(batch.Rows + 1, 16);
        Rejection.Assert<ArgumentException>(
            loss, batch, () => loss.ForwardBackward(batch.Hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step, gradHidden, batch.GradItems),
            "gradHidden", "[13, 16]", "[14, 16]");
    }

    [Fact]
    public void GradItemsOfAnotherShapeAreRejected()
    {
        using SampledTestLoss loss = SampledTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        using CceTensor<float> gradItems = Device.Allocate<float>(batch.Catalog - 1, 16);
        Rejection.Assert<ArgumentException>(
            loss, batch, () => loss.Backward(batch.Hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step, batch.Lse, batch.GradHidden, gradItems),
            "gradItems", "[29, 16]", "[28, 16]");
    }

    [Fact]
    public void LseOfAnotherLengthIsRejected()
    {
        using SampledTestLoss loss = SampledTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        using CceTensor<float> lse = Device.Allocate<float>(batch.Rows - 1, 1);
        Rejection.Assert<ArgumentException>(
            loss, batch, () => loss.Backward(batch.Hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step, lse, batch.GradHidden, batch.GradItems),
            "lse", "13 elements", "= 12");
    }

    [Fact]
    public void PaperCorrectionWithOneItemIsRejected()
    {
        // log(V - 1) is -∞ for a single item: the correction is undefined, not merely large.
        using PaperTestLoss loss = PaperTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        using CceTensor<float> items = Device.Upload<float>(batch.ItemsHost.AsSpan(0, 8), 1, 8);
        using CceTensor<int> targets = Device.Upload<int>(new int[batch.Rows], batch.Rows, 1);
        using CceTensor<float> gradItems = Device.Allocate<float>(1, 8);
        Rejection.Assert<ArgumentException>(
            loss, batch, () => loss.ForwardBackward(batch.Hidden, items, targets, TestBatch.Seed, TestBatch.Step, batch.GradHidden, gradItems),
            "items", "at least 2 items", "V = 1");
    }
}
