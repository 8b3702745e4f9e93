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

    /// <summary>Compiles and loads the kernels on <paramref name="device"/>.</summary>
    internal abstract LoadedKernels Load(CceDevice device, LossDescription description);
}
