namespace Cce;

/// <summary>The kernels of one variant, compiled and loaded on one device: what a loss launches for a call.</summary>
internal abstract class LoadedKernels
{
    /// <summary>The tile the kernels were specialised for.</summary>
    public abstract KernelTile Tile { get; }

    /// <summary>Launches <paramref name="operation"/> on the device's default stream (asynchronously).</summary>
    public abstract void Run(LossOperation operation, in LossCall call);
}
