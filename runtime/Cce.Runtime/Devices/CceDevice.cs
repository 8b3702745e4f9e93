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
    /// <summary>Environment variable that overrides <see cref="OpenDefault"/>: a <see cref="Cce.DeviceName"/> such as <c>cpu</c>, <c>cpu:0</c>, <c>cuda</c> or <c>cuda:N</c>.</summary>
    public const string DeviceVariable = "CCE_DEVICE";

    private static int opened;
    private readonly Context context;
    private readonly Accelerator accelerator;
    private readonly Lazy<BufferClear> clear;
    private int disposed;

    private CceDevice(Context context, Accelerator accelerator, DeviceKind kind, int index)
    {
        this.context = context;
        this.accelerator = accelerator;
        Kind = kind;
        Index = index;
        Instance = Interlocked.Increment(ref opened);
        Fingerprint = DeviceFingerprint.Of(accelerator);
        clear = new Lazy<BufferClear>(() => new BufferClear(accelerator));
    }

    /// <summary>The ILGPU context the accelerator lives in.</summary>
    /// <exception cref="ObjectDisposedException">The device was disposed.</exception>
    public Context Context
    {
        get
        {
            ThrowIfDisposed("device");
            return context;
        }
    }

    /// <summary>The ILGPU accelerator, for interop with other ILGPU code.</summary>
    /// <exception cref="ObjectDisposedException">The device was disposed.</exception>
    public Accelerator Accelerator
    {
        get
        {
            ThrowIfDisposed("device");
            return accelerator;
        }
    }

    /// <summary>CPU or CUDA.</summary>
    public DeviceKind Kind { get; }

    /// <summary>Index of the device among those of its kind.</summary>
    public int Index { get; }

    /// <summary>What identifies this device for the tuning cache.</summary>
    public DeviceFingerprint Fingerprint { get; }

    /// <summary>What the device is called in options and in <c>CCE_DEVICE</c>: <c>cpu:0</c> or <c>cuda:N</c>.</summary>
    public DeviceName DeviceName => new(Kind, Index);

    /// <summary>The device name as the driver reports it.</summary>
    public string Name => accelerator.Name;

    /// <summary>Whether <see cref="Dispose"/> has run; a disposed device refuses every use.</summary>
    public bool IsDisposed => Volatile.Read(ref disposed) != 0;

    /// <summary>
    /// Which device object this is among those opened by this process (1 for the first): two objects for the same
    /// hardware print the same <see cref="ToString"/>, so messages about mixing them say this number too.
    /// </summary>
    internal int Instance { get; }

    /// <summary>
    /// Opens the device named by <c>CCE_DEVICE</c> when set, else the first CUDA GPU, else the CPU accelerator.
    /// </summary>
    /// <exception cref="FormatException"><c>CCE_DEVICE</c> is set to something that is not a <see cref="Cce.DeviceName"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><c>CCE_DEVICE</c> names a device this machine does not have.</exception>
    public static CceDevice OpenDefault()
    {
        if (Cce.DeviceName.FromEnvironment() is DeviceName requested)
        {
            return Open(requested);
        }

        return DeviceCatalog.CudaDeviceCount() > 0 ? Open(DeviceKind.Cuda, 0) : Open(DeviceKind.Cpu, 0);
    }

    /// <summary>Opens a device from its name: <c>cpu</c>, <c>cpu:0</c>, <c>cuda</c> (the first GPU) or <c>cuda:N</c> (see <see cref="Cce.DeviceName"/>).</summary>
    /// <exception cref="ArgumentException">The specification is not one of those forms.</exception>
    /// <exception cref="ArgumentOutOfRangeException">No such device exists.</exception>
    public static CceDevice Open(string specification)
    {
        ArgumentNullException.ThrowIfNull(specification);
        return Cce.DeviceName.TryParse(specification, out DeviceName name)
            ? Open(name)
            : throw new ArgumentException(Cce.DeviceName.Problem(specification), nameof(specification));
    }

    /// <summary>Opens the device <paramref name="name"/> names.</summary>
    /// <exception cref="ArgumentOutOfRangeException">No such device exists.</exception>
    public static CceDevice Open(DeviceName name) => Open(name.Kind, name.Index);

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

            Context cpuContext = DeviceCatalog.CreateContext(DeviceKind.Cpu);
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

        Context context = DeviceCatalog.CreateContext(DeviceKind.Cuda);
        return new CceDevice(context, context.CreateCudaAccelerator(index), kind, index);
    }

    /// <summary>Allocates an uninitialised [rows, cols] tensor on this device.</summary>
    /// <exception cref="ObjectDisposedException">The device was disposed.</exception>
    public CceTensor<T> Allocate<T>(int rows, int cols)
        where T : unmanaged => CceTensor<T>.Allocate(this, rows, cols);

    /// <summary>Copies host data into a new [rows, cols] tensor on this device.</summary>
    /// <exception cref="ArgumentException"><paramref name="data"/> does not hold rows x cols elements.</exception>
    /// <exception cref="ObjectDisposedException">The device was disposed.</exception>
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
    public override string ToString() => $"{DeviceName} {Name}";

    /// <inheritdoc />
    public void Dispose()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        accelerator.Dispose();
        context.Dispose();
    }

    /// <summary>Queues the clear of <paramref name="view"/>, a float buffer of this device, on <paramref name="stream"/>.</summary>
    internal void Clear(AcceleratorStream stream, ArrayView<float> view)
    {
        ThrowIfDisposed("device");
        clear.Value.Clear(stream, view);
    }

    /// <summary>What messages about this object say: its name and which device object of the process it is.</summary>
    internal string Describe() => $"'{this}' (device object #{Instance} of this process)";

    /// <summary>
    /// Throws <see cref="ObjectDisposedException"/> naming <paramref name="argument"/> when the device was disposed:
    /// without it the first use would fail deep inside ILGPU, naming one of its locks.
    /// </summary>
    internal void ThrowIfDisposed(string argument)
    {
        if (IsDisposed)
        {
            throw new ObjectDisposedException(argument, $"Expected a live device for {argument}; device {Describe()} was disposed.");
        }
    }
}
