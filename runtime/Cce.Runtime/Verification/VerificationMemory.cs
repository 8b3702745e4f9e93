namespace Cce.Verification;

/// <summary>Where a verification puts the tensors it hands a loss: the device's own memory, or memory another library owns.</summary>
internal abstract class VerificationMemory : IDisposable
{
    /// <summary>A [rows, cols] tensor holding <paramref name="data"/>.</summary>
    public abstract CceTensor<T> Upload<T>(T[] data, int rows, int cols)
        where T : unmanaged;

    /// <summary>A [rows, cols] tensor of unspecified contents.</summary>
    public abstract CceTensor<T> Allocate<T>(int rows, int cols)
        where T : unmanaged;

    /// <inheritdoc />
    public virtual void Dispose()
    {
    }

    /// <summary>Tensors that <paramref name="device"/> allocates, as every caller of the library gets them.</summary>
    public sealed class OnDevice(CceDevice device) : VerificationMemory
    {
        public override CceTensor<T> Upload<T>(T[] data, int rows, int cols) => device.Upload<T>(data, rows, cols);

        public override CceTensor<T> Allocate<T>(int rows, int cols) => device.Allocate<T>(rows, cols);
    }
}
