namespace Cce;

/// <summary>
/// The kernels the generator emitted for one tile of one family. Each family derives its own variant, which holds
/// its kernels' delegates and knows how to load them on a device.
/// </summary>
public abstract class KernelVariant
{
    private protected KernelVariant(KernelLayout layout) => Layout = layout;

    /// <summary>The tile the kernels were specialised for.</summary>
    public abstract KernelTile Tile { get; }

    /// <summary>How the threads of the kernels share their work.</summary>
    public KernelLayout Layout { get; }

    /// <summary>The tile, or "portable" for the kernels of ILGPU's CPU accelerator: how reports name a variant.</summary>
    public string Name => Layout == KernelLayout.Portable ? "portable" : Tile.CanonicalText;

    /// <summary>
    /// Whether the kernels are built from GPU instructions that ILGPU's CPU accelerator only emulates, lane by lane and
    /// far too slowly to check there (the matrix-unit kernels): the verification suite checks them on a GPU only.
    /// </summary>
    public virtual bool EmulatedOnCpu => false;

    /// <summary>
    /// The GPU architecture the kernels are built for when not every CUDA GPU runs them (e.g. "sm_90a" for Hopper's
    /// warpgroup instructions), or null when they run on every device.
    /// </summary>
    public virtual string? RequiredArchitecture => null;

    /// <summary>
    /// Whether the kernels run on <paramref name="device"/>: the tuner and the verification suite leave out those that do
    /// not, and a loss fixed to one refuses to be created there.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="device"/> is null.</exception>
    public virtual bool RunsOn(CceDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        return true;
    }

    /// <summary>Why the kernels do not run on <paramref name="device"/>, naming the variant, the architecture it needs and the device's.</summary>
    internal string Unsupported(CceDevice device) =>
        $"The kernel variant {Name} needs {RequiredArchitecture ?? "another device"}; {device} is {(device.Kind == DeviceKind.Cuda ? "a GPU of compute capability " + device.Fingerprint.ComputeCapability : "ILGPU's CPU accelerator")}.";

    /// <summary>Compiles and loads the kernels on <paramref name="device"/>.</summary>
    internal abstract LoadedKernels Load(CceDevice device, LossDescription description);
}
