using Cce.Runtime.Tests.Infrastructure;
using Cce.Runtime.Tests.Losses;
using Xunit;
using Xunit.Abstractions;

namespace Cce.Runtime.Tests.Validation;

/// <summary>
/// SPEC §5: targets and explicit negatives outside [0, V) are found on the device before the loss kernels run,
/// and the message leads the caller to the offending row (and slot) and value.
/// </summary>
[Collection("cpu")]
public sealed class IndexValidationTests(CpuDeviceFixture fixture, ITestOutputHelper output)
{
    private CceDevice Device => fixture.Device;

    [Theory]
    [InlineData(TestBatch.DefaultCatalog)]
    [InlineData(int.MaxValue)]
    public void TargetPastTheCatalogIsRejected(int value)
    {
        using SampledTestLoss loss = SampledTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        using CceTensor<int> targets = WithTarget(batch, row: 5, value);
        var exception = Rejection.Assert<ArgumentOutOfRangeException>(
            loss, batch, () => loss.ForwardBackward(batch.Hidden, batch.Items, targets, TestBatch.Seed, TestBatch.Step, batch.GradHidden, batch.GradItems),
            "targets", "[0, 29)", "ignore index -100", $"row 5 holds {value}");
        Assert.Equal(value, exception.ActualValue);
    }

    [Fact]
    public void NegativeTargetOtherThanTheIgnoreIndexIsRejected()
    {
        using ExplicitTestLoss loss = ExplicitTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        using CceTensor<int> targets = WithTarget(batch, row: 11, -1);
        var exception = Rejection.Assert<ArgumentOutOfRangeException>(
            loss, batch, () => loss.Forward(batch.Hidden, batch.Items, targets, batch.Negatives!),
            "targets", "[0, 29)", "row 11 holds -1");
        Assert.Equal(-1, exception.ActualValue);
    }

    [Fact]
    public void FirstBadTargetIsTheOneNamed()
    {
        // Rows are checked in parallel: the report must still be deterministic, naming the lowest offending row.
        using SampledTestLoss loss = SampledTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        int[] targets = (int[])batch.TargetsHost.Clone();
        targets[12] = 40;
        targets[3] = 30;
        using CceTensor<int> bad = Device.Upload<int>(targets, batch.Rows, 1);
        Rejection.Assert<ArgumentOutOfRangeException>(
            loss, batch, () => loss.Forward(batch.Hidden, batch.Items, bad, TestBatch.Seed, TestBatch.Step),
            "targets", "row 3 holds 30");
    }

    [Theory]
    [InlineData(TestBatch.DefaultCatalog)]
    [InlineData(-5)]
    [InlineData(-100)]
    public void ExplicitNegativeOutsideTheCatalogIsRejected(int value)
    {
        // -100 is the ignore index of targets, never a valid negative.
        using ExplicitTestLoss loss = ExplicitTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        int[] negatives = (int[])batch.NegativesHost.Clone();
        negatives[(7 * 3) + 2] = value;
        using CceTensor<int> bad = Device.Upload<int>(negatives, batch.Rows, 3);
        var exception = Rejection.Assert<ArgumentOutOfRangeException>(
            loss, batch, () => loss.ForwardBackward(batch.Hidden, batch.Items, batch.Targets, bad, batch.GradHidden, batch.GradItems),
            "negatives", "[0, 29)", $"row 7, slot 2 holds {value}");
        Assert.Equal(value, exception.ActualValue);
    }

    [Fact]
    public void BadNegativeIsRejectedByTheBackwardPass()
    {
        using ExplicitTestLoss loss = ExplicitTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        int[] negatives = (int[])batch.NegativesHost.Clone();
        negatives[0] = TestBatch.DefaultCatalog + 1;
        using CceTensor<int> bad = Device.Upload<int>(negatives, batch.Rows, 3);
        Rejection.Assert<ArgumentOutOfRangeException>(
            loss, batch, () => loss.Backward(batch.Hidden, batch.Items, batch.Targets, bad, batch.Lse, batch.GradHidden, batch.GradItems),
            "negatives", "row 0, slot 0 holds 30");
    }

    private CceTensor<int> WithTarget(TestBatch batch, int row, int value)
    {
        int[] targets = (int[])batch.TargetsHost.Clone();
        targets[row] = value;
        return Device.Upload<int>(targets, batch.Rows, 1);
    }
}
