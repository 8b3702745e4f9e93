namespace Cce;

/// <summary>The kernels of one variant, compiled and loaded on one device: what a loss launches for a call.</summary>
internal abstract class LoadedKernels : IDisposable
{
    /// <summary>The tile the kernels were specialised for.</summary>
    public abstract KernelTile Tile { get; }

    /// <summary>Bytes of device workspace the kernels hold between calls (0 when they need none).</summary>
    public virtual long WorkspaceBytes => 0;

    /// <summary>Launches <paramref name="operation"/> on the device's default stream (asynchronously); dW is overwritten.</summary>
    public abstract void Run(LossOperation operation, in LossCall call);

    /// <summary>Frees the workspace; the compiled kernels belong to the device.</summary>
    public virtual void Dispose()
    {
    }
}
