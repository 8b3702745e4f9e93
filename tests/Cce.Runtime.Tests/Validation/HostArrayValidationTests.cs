using Cce.Runtime.Tests.Infrastructure;
using Cce.Runtime.Tests.Losses;
using Xunit;
using Xunit.Abstractions;

namespace Cce.Runtime.Tests.Validation;

/// <summary>
/// SPEC §5 for the host-array overloads: flat arrays carry no shape, so their lengths are checked against D, against
/// each other and against K before anything is uploaded. (Their outputs are allocated by the call itself, so the
/// poisoned buffers of the batch only show that a rejected call touches nothing the caller owns.)
/// </summary>
[Collection("cpu")]
public sealed class HostArrayValidationTests(CpuDeviceFixture fixture, ITestOutputHelper output)
{
    private CceDevice Device => fixture.Device;

    [Fact]
    public void HiddenNotAMultipleOfTheHiddenSizeIsRejected()
    {
        using SampledTestLoss loss = SampledTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        float[] hidden = batch.HiddenHost[..^3];
        Rejection.Assert<ArgumentException>(
            loss, batch, () => loss.ForwardBackward(hidden, batch.ItemsHost, batch.TargetsHost, TestBatch.Seed, TestBatch.Step),
            "hidden", "N x 16", $"got {hidden.Length}");
    }

    [Fact]
    public void EmptyHiddenIsRejected()
    {
        using SampledTestLoss loss = SampledTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        Rejection.Assert<ArgumentException>(
            loss, batch, () => loss.Forward([], batch.ItemsHost, [], TestBatch.Seed, TestBatch.Step),
            "hidden", "N >= 1", "got 0");
    }

    [Fact]
    public void ItemsNotAMultipleOfTheHiddenSizeAreRejected()
    {
        using ExplicitTestLoss loss = ExplicitTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        float[] items = batch.ItemsHost[..^1];
        Rejection.Assert<ArgumentException>(
            loss, batch, () => loss.Forward(batch.HiddenHost, items, batch.TargetsHost, batch.NegativesHost),
            "items", "V x 16", $"got {items.Length}");
    }

    [Fact]
    public void TargetsOfAnotherLengthAreRejected()
    {
        using SampledTestLoss loss = SampledTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        int[] targets = [.. batch.TargetsHost, 0];
        Rejection.Assert<ArgumentException>(
            loss, batch, () => loss.ForwardBackward(batch.HiddenHost, batch.ItemsHost, targets, TestBatch.Seed, TestBatch.Step),
            "targets", "Expected 13 targets", "got 14");
    }

    [Fact]
    public void ExplicitNegativesOfAnotherLengthAreRejected()
    {
        using ExplicitTestLoss loss = ExplicitTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        int[] negatives = batch.NegativesHost[..^1];
        Rejection.Assert<ArgumentException>(
            loss, batch, () => loss.ForwardBackward(batch.HiddenHost, batch.ItemsHost, batch.TargetsHost, negatives),
            "negatives", "13 x 3 = 39", "got 38");
    }

    [Theory]
    [InlineData("hidden")]
    [InlineData("items")]
    [InlineData("targets")]
    [InlineData("negatives")]
    public void NullArrayIsRejected(string argument)
    {
        using ExplicitTestLoss loss = ExplicitTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        T[] Pick<T>(string name, T[] value) => name == argument ? null! : value;
        Rejection.Assert<ArgumentNullException>(
            loss,
            batch,
            () => loss.ForwardBackward(
                Pick("hidden", batch.HiddenHost), Pick("items", batch.ItemsHost), Pick("targets", batch.TargetsHost), Pick("negatives", batch.NegativesHost)),
            argument);
    }
}
