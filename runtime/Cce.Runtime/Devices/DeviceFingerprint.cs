using System.Globalization;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;

namespace Cce;

/// <summary>What identifies a device for the tuning cache: a change in any field can change which kernel is fastest.</summary>
/// <param name="Kind">CPU or CUDA.</param>
/// <param name="Name">Device name as the driver reports it.</param>
/// <param name="ComputeCapability">"9.0" on an H100; "cpu" for the CPU accelerator.</param>
/// <param name="InstructionSet">PTX ISA ILGPU targets ("8.8"); "cpu" for the CPU accelerator.</param>
/// <param name="Multiprocessors">Streaming multiprocessors.</param>
/// <param name="MemoryBytes">Device memory.</param>
/// <param name="L2CacheBytes">L2 cache size (0 on the CPU accelerator).</param>
/// <param name="SharedMemoryPerMultiprocessor">Shared memory per multiprocessor in bytes.</param>
/// <param name="WarpSize">Threads per warp.</param>
/// <param name="DriverVersion">CUDA driver API version ("13.0"); "none" on the CPU accelerator.</param>
public sealed record DeviceFingerprint(
    DeviceKind Kind,
    string Name,
    string ComputeCapability,
    string InstructionSet,
    int Multiprocessors,
    long MemoryBytes,
    int L2CacheBytes,
    int SharedMemoryPerMultiprocessor,
    int WarpSize,
    string DriverVersion)
{
    /// <summary>Reads the fingerprint of an ILGPU accelerator.</summary>
    public static DeviceFingerprint Of(Accelerator accelerator)
    {
        ArgumentNullException.ThrowIfNull(accelerator);
        if (accelerator is CudaAccelerator cuda)
        {
            return new DeviceFingerprint(
                DeviceKind.Cuda,
                cuda.Name,
                FormattableString.Invariant($"{cuda.Architecture.Major}.{cuda.Architecture.Minor}"),
                FormattableString.Invariant($"{cuda.InstructionSet.Major}.{cuda.InstructionSet.Minor}"),
                cuda.NumMultiprocessors,
                cuda.MemorySize,
                cuda.Device is CudaDevice device ? device.L2CacheSize : 0,
                cuda.MaxSharedMemoryPerMultiprocessor,
                cuda.WarpSize,
                FormattableString.Invariant($"{cuda.DriverVersion.Major}.{cuda.DriverVersion.Minor}"));
        }

        return new DeviceFingerprint(
            DeviceKind.Cpu,
            accelerator.Name,
            "cpu",
            "cpu",
            accelerator.NumMultiprocessors,
            accelerator.MemorySize,
            0,
            accelerator.MaxSharedMemoryPerGroup,
            accelerator.WarpSize,
            "none");
    }

    /// <summary>
    /// One line for reports: for a GPU its name, capability, SMs, memory and driver; for the CPU accelerator only what is
    /// true of it (ILGPU reports no real memory size or multiprocessor count there: its memory is the host's, and its
    /// warps are simulated by operating-system threads).
    /// </summary>
    public string Describe() => Kind == DeviceKind.Cpu
        ? string.Create(CultureInfo.InvariantCulture, $"{Name} (ILGPU's CPU accelerator: host memory, simulated warps of {WarpSize} lanes, on a machine with {Environment.ProcessorCount} logical processors)")
        : string.Create(
            CultureInfo.InvariantCulture,
            $"{Name} (cc {ComputeCapability}, ISA {InstructionSet}, {Multiprocessors} SMs, {MemoryBytes / (1024.0 * 1024 * 1024):F1} GiB, L2 {L2CacheBytes / (1024 * 1024)} MiB, warp {WarpSize}, driver {DriverVersion})");
}
