using Xunit;

namespace Cce.Runtime.Tests.Devices;

/// <summary>The one-line device description of reports says only what is true of the device.</summary>
public sealed class DeviceDescriptionTests
{
    [Fact]
    public void TheCpuAcceleratorIsDescribedWithoutAMemorySizeOrMultiprocessorsItDoesNotHave()
    {
        // What ILGPU reports for its CPU accelerator: a memory size of long.MaxValue and a nominal multiprocessor.
        var cpu = new DeviceFingerprint(DeviceKind.Cpu, "CPUAccelerator", "cpu", "cpu", 1, long.MaxValue, 0, 65536, 32, "none");

        string line = cpu.Describe();

        Assert.StartsWith("CPUAccelerator (ILGPU's CPU accelerator: host memory, simulated warps of 32 lanes", line, StringComparison.Ordinal);
        Assert.DoesNotContain("GiB", line, StringComparison.Ordinal);
        Assert.DoesNotContain("SMs", line, StringComparison.Ordinal);
    }

    [Fact]
    public void AGpuIsDescribedByCapabilityMultiprocessorsMemoryAndDriver()
    {
        var gpu = new DeviceFingerprint(DeviceKind.Cuda, "NVIDIA H200", "9.0", "8.8", 132, 150_121_037_824, 62_914_560, 233_472, 32, "13.0");

        Assert.Equal("NVIDIA H200 (cc 9.0, ISA 8.8, 132 SMs, 139.8 GiB, L2 60 MiB, warp 32, driver 13.0)", gpu.Describe());
    }
}
