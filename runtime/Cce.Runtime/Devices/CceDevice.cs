using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;

namespace Cce;

/// <summary>
/// One accelerator with its ILGPU context: a CUDA GPU, or ILGPU's CPU accelerator where there is none.
/// Owns every buffer and kernel created on it; dispose it last.
/// </summary>
/// <remarks>
/// Disposing releases everything the device and its losses hold: nothing is kept for the next device. Each device has
/// its own ILGPU context, whose kernels are compiled afresh, so keep one device open rather than opening one per call.
/// </remarks>
public sealed class CceDevice : IDisposable
{
    /// <summary>Environment variable that overrides <see cref="OpenDefault"/>: <c>cpu</c>, <c>cuda</c> or <c>cuda:N</c>.</summary>
    public const string DeviceVariable = "CCE_DEVICE";

    private CceDevice(Context context, Accelerator accelerator, DeviceKind kind, int index)
    {
        Context = context;
        Accelerator = accelerator;
        Kind = kind;
        Index = index;
        Fingerprint = DeviceFingerprint.Of(accelerator);
    }

    /// <summary>The ILGPU context the accelerator lives in.</summary>
    public Context Context { get; }

    /// <summary>The ILGPU accelerator, for interop with other ILGPU code.</summary>
    public Accelerator Accelerator { get; }

    /// <summary>CPU or CUDA.</summary>
    public DeviceKind Kind { get; }

    /// <summary>Index of the device among those of its kind.</summary>
    public int Index { get; }

    /// <summary>What identifies this device for the tuning cache.</summary>
    public DeviceFingerprint Fingerprint { get; }

    /// <summary>The device name as the driver reports it.</summary>
    public string Name => Accelerator.Name;

    /// <summary>
    /// Opens the device named by <c>CCE_DEVICE</c> when set, else the first CUDA GPU, else the CPU accelerator.
    /// </summary>
    public static CceDevice OpenDefault()
    {
        string? requested = Environment.GetEnvironmentVariable(DeviceVariable);
        if (!string.IsNullOrWhiteSpace(requested))
        {
            return Open(requested);
        }

        return DeviceCatalog.CudaDeviceCount() > 0 ? Open(DeviceKind.Cuda, 0) : Open(DeviceKind.Cpu, 0);
    }

    /// <summary>Opens a device from a specification: <c>cpu</c>, <c>cuda</c> (the first GPU) or <c>cuda:N</c>.</summary>
    /// <exception cref="ArgumentException">The specification is not one of those forms.</exception>
    public static CceDevice Open(string specification)
    {
        ArgumentNullException.ThrowIfNull(specification);
        (DeviceKind kind, int index) = DeviceCatalog.ParseSpecification(specification);
        return Open(kind, index);
    }

    /// <summary>Opens the <paramref name="index"/>-th device of <paramref name="kind"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No such device exists.</exception>
    public static CceDevice Open(DeviceKind kind, int index = 0)
    {
        if (kind == DeviceKind.Cpu)
        {
            if (index != 0)
            {
                throw new ArgumentOutOfRangeException(nameof(index), index, "Expected 0: there is one CPU accelerator.");
            }

            Context cpuContext = DeviceCatalog.CreateContext();
            return new CceDevice(cpuContext, cpuContext.CreateCPUAccelerator(0, CPUAcceleratorMode.Parallel), kind, 0);
        }

        if (kind != DeviceKind.Cuda)
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Expected Cpu or Cuda.");
        }

        int count = DeviceCatalog.CudaDeviceCount();
        if (index < 0 || index >= count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Expected a CUDA device index in [0, {count}); {count} CUDA device(s) found.");
        }

        Context context = DeviceCatalog.CreateContext();
        return new CceDevice(context, context.CreateCudaAccelerator(index), kind, index);
    }

    /// <summary>Allocates an uninitialised [rows, cols] tensor on this device.</summary>
    public CceTensor<T> Allocate<T>(int rows, int cols)
        where T : unmanaged => CceTensor<T>.Allocate(this, rows, cols);

    /// <summary>Copies host data into a new [rows, cols] tensor on this device.</summary>
    public CceTensor<T> Upload<T>(ReadOnlySpan<T> data, int rows, int cols)
        where T : unmanaged
    {
        CceTensor<T> tensor = CceTensor<T>.Allocate(this, rows, cols, data.Length, nameof(data));
        tensor.CopyFrom(data);
        return tensor;
    }

    /// <summary>Waits until all work queued on this device has finished.</summary>
    public void Synchronize() => Accelerator.Synchronize();

    /// <inheritdoc />
    public override string ToString() => $"{Kind.ToString().ToLowerInvariant()}:{Index} {Name}";

    /// <inheritdoc />
    public void Dispose()
    {
        Accelerator.Dispose();
        Context.Dispose();
    }
}
