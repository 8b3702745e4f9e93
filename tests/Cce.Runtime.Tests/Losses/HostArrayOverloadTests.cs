using Cce.Runtime.Tests.Infrastructure;
using Cce.Verification;
using Xunit;
using Xunit.Abstractions;

namespace Cce.Runtime.Tests.Losses;

/// <summary>
/// The host-array overloads are a convenience over the device-tensor ones: uploading for the caller must not change a
/// single bit of the loss, the LSE or dH (dW is accumulated with atomics, so it is compared by value).
/// </summary>
[Collection("cpu")]
public sealed class HostArrayOverloadTests(CpuDeviceFixture fixture, ITestOutputHelper output)
{
    private CceDevice Device => fixture.Device;

    [Fact]
    public void SampledHostArraysGiveTheDeviceTensorResults()
    {
        using SampledTestLoss loss = SampledTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        HostLossResult<float> forward = loss.Forward(batch.HiddenHost, batch.ItemsHost, batch.TargetsHost, TestBatch.Seed, TestBatch.Step);
        HostLossResult<float> fused = loss.ForwardBackward(batch.HiddenHost, batch.ItemsHost, batch.TargetsHost, TestBatch.Seed, TestBatch.Step, upstream: 0.75f);
        LossResult device = loss.ForwardBackward(batch.Hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step, batch.GradHidden, batch.GradItems, upstream: 0.75f);
        AssertSame(batch, device, forward, fused);
    }

    [Fact]
    public void ExplicitHostArraysGiveTheDeviceTensorResults()
    {
        using ExplicitTestLoss loss = ExplicitTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        HostLossResult<float> forward = loss.Forward(batch.HiddenHost, batch.ItemsHost, batch.TargetsHost, batch.NegativesHost);
        HostLossResult<float> fused = loss.ForwardBackward(batch.HiddenHost, batch.ItemsHost, batch.TargetsHost, batch.NegativesHost, upstream: 0.75f);
        LossResult device = loss.ForwardBackward(batch.Hidden, batch.Items, batch.Targets, batch.Negatives!, batch.GradHidden, batch.GradItems, upstream: 0.75f);
        AssertSame(batch, device, forward, fused);
    }

    private static void AssertSame(TestBatch batch, LossResult device, HostLossResult<float> forward, HostLossResult<float> fused)
    {
        float[] rowLoss = device.RowLoss.ToArray();
        float[] lse = device.Lse.ToArray();
        foreach (HostLossResult<float> host in new[] { forward, fused })
        {
            Assert.Equal(BitConverter.SingleToInt32Bits(device.Loss), BitConverter.SingleToInt32Bits(host.Loss));
            Assert.Equal(device.ValidRows, host.ValidRows);
            Assert.Equal(Bits(rowLoss), Bits(host.RowLoss));
            Assert.Equal(Bits(lse), Bits(host.Lse));
        }

        Assert.Null(forward.GradHidden);
        Assert.Null(forward.GradItems);
        Assert.Equal(Bits(batch.GradHidden.ToArray()), Bits(fused.GradHidden!));
        double error = LossVerifier.VectorError(TestBatch.Widen(fused.GradItems!), TestBatch.Widen(batch.GradItems.ToArray()));
        Assert.True(error <= 1e-6, $"dW of the host overload differs from the device one by {error:E2}");
    }

    private static int[] Bits(float[] values) => Array.ConvertAll(values, BitConverter.SingleToInt32Bits);
}
