using Cce.Runtime.Tests.Infrastructure;
using Cce.Runtime.Tests.Losses;
using Cce.Verification;
using Xunit;

namespace Cce.Runtime.Tests.Buffers;

/// <summary>
/// The contract of device pointers that callers bring: CUDA-only, checked before use, naming the argument. (The
/// pointers themselves are exercised on a GPU by <c>cce verify --device cuda</c>, through <see cref="ForeignMemoryCheck"/>;
/// misaligned memory is refused like any misaligned view, see WrappedViewTests.)
/// </summary>
[Collection("cpu")]
public sealed class DeviceMemoryInteropTests(CpuDeviceFixture fixture)
{
    private CceDevice Device => fixture.Device;

    [Fact]
    public void ADevicePointerNeedsACudaDevice()
    {
        ArgumentException e = Assert.Throws<ArgumentException>("device", () => CceTensor<float>.FromDevicePointer(Device, 4096, 2, 8));
        Assert.Contains("CUDA", e.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentNullException>("device", () => CceTensor<float>.FromDevicePointer(null!, 4096, 2, 8));
        Assert.Throws<ArgumentException>("device", () => ForeignMemoryCheck.Run(LossEntry.Of<SampledTestLoss>(), Device, 1));
    }

    [Fact]
    public void ADisposedDeviceIsNamed()
    {
        var closed = CceDevice.Open(DeviceKind.Cpu);
        closed.Dispose();
        Assert.Throws<ObjectDisposedException>(() => CceTensor<float>.FromDevicePointer(closed, 4096, 2, 8));
    }
}
