using Cce.Runtime.Tests.Infrastructure;
using Cce.Runtime.Tests.Losses;
using Xunit;
using Xunit.Abstractions;

namespace Cce.Runtime.Tests.Validation;

/// <summary>
/// SPEC §5: a tensor that lives on another device than the loss is refused. A second CPU accelerator stands in for
/// a second GPU: it is another device with the same name, which the message must still tell apart.
/// </summary>
[Collection("cpu")]
public sealed class DeviceValidationTests(CpuDeviceFixture fixture, ITestOutputHelper output)
{
    private CceDevice Device => fixture.Device;

    [Theory]
    [InlineData("hidden")]
    [InlineData("items")]
    [InlineData("targets")]
    [InlineData("negatives")]
    [InlineData("gradHidden")]
    [InlineData("gradItems")]
    public void TensorOnAnotherDeviceIsRejected(string argument)
    {
        using ExplicitTestLoss loss = ExplicitTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        using CceDevice other = CceDevice.Open(DeviceKind.Cpu);
        using var elsewhere = new TestBatch(other, loss.Description, new RandomData(output));
        TestBatch Pick(string name) => name == argument ? elsewhere : batch;
        Rejection.Assert<ArgumentException>(
            loss,
            batch,
            () => loss.ForwardBackward(
                Pick("hidden").Hidden, Pick("items").Items, Pick("targets").Targets, Pick("negatives").Negatives!, Pick("gradHidden").GradHidden, Pick("gradItems").GradItems),
            argument,
            $"Expected {argument} on device '{Device}'",
            "another device");
    }

    [Fact]
    public void LseOnAnotherDeviceIsRejected()
    {
        using SampledTestLoss loss = SampledTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        using CceDevice other = CceDevice.Open(DeviceKind.Cpu);
        using CceTensor<float> lse = other.Allocate<float>(batch.Rows, 1);
        Rejection.Assert<ArgumentException>(
            loss, batch, () => loss.Backward(batch.Hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step, lse, batch.GradHidden, batch.GradItems),
            "lse", "another device");
    }
}
