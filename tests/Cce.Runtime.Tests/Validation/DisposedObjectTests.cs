using Cce.Runtime.Tests.Infrastructure;
using Cce.Runtime.Tests.Losses;
using Xunit;
using Xunit.Abstractions;

namespace Cce.Runtime.Tests.Validation;

/// <summary>A disposed tensor, loss or device is refused with a message that names the argument, not an internal type.</summary>
[Collection("cpu")]
public sealed class DisposedObjectTests(CpuDeviceFixture fixture, ITestOutputHelper output)
{
    private CceDevice Device => fixture.Device;

    [Theory]
    [InlineData("hidden")]
    [InlineData("items")]
    [InlineData("targets")]
    [InlineData("gradHidden")]
    [InlineData("gradItems")]
    public void ADisposedTensorIsRefusedByName(string argument)
    {
        using SampledTestLoss loss = SampledTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        using var spare = new TestBatch(Device, loss.Description, new RandomData(output));
        TestBatch Pick(string name) => name == argument ? spare : batch;
        spare.Dispose();
        batch.Poison();

        var exception = Assert.Throws<ObjectDisposedException>(() => loss.ForwardBackward(
            Pick("hidden").Hidden, Pick("items").Items, Pick("targets").Targets, TestBatch.Seed, TestBatch.Step, Pick("gradHidden").GradHidden, Pick("gradItems").GradItems));

        Assert.Equal(argument, exception.ObjectName);
        Assert.Contains($"Expected a live tensor for {argument}", exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("`1", exception.Message, StringComparison.Ordinal);
        batch.AssertPoisonIntact();
        batch.AssertComputesReference(loss);
    }

    [Fact]
    public void ADisposedTensorSaysWhatItWas()
    {
        CceTensor<float> tensor = Device.Allocate<float>(3, 8);
        tensor.Dispose();

        var exception = Assert.Throws<ObjectDisposedException>(() => tensor.ToArray());

        Assert.Contains("CceTensor<Single>[3, 8]", exception.Message, StringComparison.Ordinal);
        Assert.True(tensor.IsDisposed);
    }

    [Fact]
    public void ADisposedLossIsRefusedNamingItsType()
    {
        SampledTestLoss loss = SampledTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        loss.Dispose();
        loss.Dispose();

        var exception = Assert.Throws<ObjectDisposedException>(() => loss.Forward(batch.Hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step));

        Assert.Equal(nameof(SampledTestLoss), exception.ObjectName);
        Assert.Contains("Forward", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ADisposedDeviceIsRefusedNamingTheArgumentAndTheDevice()
    {
        CceDevice closed = CceDevice.Open(DeviceKind.Cpu);
        using CceTensor<float> hidden = closed.Allocate<float>(TestBatch.DefaultRows, 16);
        using SampledTestLoss loss = SampledTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        closed.Dispose();
        closed.Dispose();

        var call = Assert.Throws<ObjectDisposedException>(() => loss.Forward(hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step));
        Assert.Equal("hidden", call.ObjectName);
        Assert.Contains("was disposed", call.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("ReaderWriterLockSlim", call.Message, StringComparison.Ordinal);

        var allocate = Assert.Throws<ObjectDisposedException>(() => closed.Allocate<float>(2, 2));
        Assert.Equal("device", allocate.ObjectName);
        Assert.Contains(closed.ToString(), allocate.Message, StringComparison.Ordinal);
        Assert.True(closed.IsDisposed);
    }

    [Fact]
    public void TwoDeviceObjectsWithOneNameAreToldApart()
    {
        using SampledTestLoss loss = SampledTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        using CceDevice other = CceDevice.Open(DeviceKind.Cpu);
        using CceTensor<float> hidden = other.Upload<float>(batch.HiddenHost, batch.Rows, 16);
        Assert.Equal(Device.ToString(), other.ToString());

        var exception = Rejection.Assert<ArgumentException>(
            loss, batch, () => loss.Forward(hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step), "hidden", "another device");

        var numbers = System.Text.RegularExpressions.Regex.Matches(exception.Message, "device object #(\\d+)").Select(m => m.Groups[1].Value).ToArray();
        Assert.Equal(2, numbers.Length);
        Assert.NotEqual(numbers[0], numbers[1]);
    }
}
