using Xunit;

namespace Cce.Runtime.Tests.Infrastructure;

/// <summary>
/// One CPU-accelerator device shared by every test of the "cpu" collection: each accelerator starts its
/// own OS threads, so one per test would exhaust the machine when xunit runs classes in parallel.
/// </summary>
public sealed class CpuDeviceFixture : IDisposable
{
    /// <summary>Opens ILGPU's CPU accelerator.</summary>
    public CpuDeviceFixture() => Device = CceDevice.Open(DeviceKind.Cpu);

    /// <summary>The shared device.</summary>
    public CceDevice Device { get; }

    /// <inheritdoc />
    public void Dispose() => Device.Dispose();
}

/// <summary>Tests that run kernels on the CPU accelerator join this collection to share one device.</summary>
[CollectionDefinition("cpu")]
public sealed class CpuCollection : ICollectionFixture<CpuDeviceFixture>
{
}
