using ILGPU;
using ILGPU.Runtime;

namespace Cce;

/// <summary>
/// A dense row-major [rows, cols] tensor on a <see cref="CceDevice"/>: either owned (allocated by Cce.Gen
/// and freed on dispose), a borrowed view of memory the caller owns (no copy, never freed here), or a result of a
/// loss call that refers to the loss object's buffers and is valid until that object's next call overwrites them.
/// </summary>
/// <typeparam name="T">Element type: <see cref="float"/>, <see cref="System.Half"/>, <see cref="BFloat16"/> or <see cref="int"/>.</typeparam>
public sealed class CceTensor<T> : IDisposable
    where T : unmanaged
{
    // The ILGPU buffer behind the view when this tensor holds one: its own memory, freed on dispose, or another
    // library's memory seen through ForeignCudaMemory, whose dispose frees nothing.
    private readonly MemoryBuffer? owned;
    private readonly ArrayView<T> viewStorage;
    private readonly ResultStamp? stamp;
    private bool disposed;

    private CceTensor(CceDevice device, ArrayView<T> view, int rows, int cols, MemoryBuffer? owner, ResultStamp? stamp = null)
    {
        Device = device;
        viewStorage = view;
        Rows = rows;
        Cols = cols;
        owned = owner;
        this.stamp = stamp;
    }

    /// <summary>The device the memory lives on.</summary>
    public CceDevice Device { get; }

    /// <summary>Number of rows.</summary>
    public int Rows { get; }

    /// <summary>Number of columns (elements per row).</summary>
    public int Cols { get; }

    /// <summary>Number of elements.</summary>
    public long Length => (long)Rows * Cols;

    /// <summary>Whether <see cref="Dispose"/> has run.</summary>
    public bool IsDisposed => disposed;

    /// <summary>
    /// Why this tensor may no longer be read: it is a loss result that a later call of the same loss object has
    /// overwritten, or whose loss object was disposed; null while it is valid (and for every other tensor).
    /// </summary>
    public string? StaleReason => stamp?.StaleReason;

    /// <summary>The device memory, for kernels and interop.</summary>
    /// <exception cref="ObjectDisposedException">The tensor or its device was disposed.</exception>
    /// <exception cref="InvalidOperationException">The tensor is a loss result that a later call has overwritten (see <see cref="StaleReason"/>).</exception>
    public ArrayView<T> View
    {
        get
        {
            ThrowIfUnusable("tensor");
            return viewStorage;
        }
    }

    /// <summary>Wraps device memory the caller owns as a [rows, cols] tensor, without copying.</summary>
    /// <exception cref="ArgumentException">The view is not on <paramref name="device"/> or has another length.</exception>
    public static CceTensor<T> Wrap(CceDevice device, ArrayView<T> view, int rows, int cols)
    {
        ArgumentNullException.ThrowIfNull(device);
        CheckShape(rows, cols);
        if (view.GetAccelerator() != device.Accelerator)
        {
            throw new ArgumentException($"Expected a view on device '{device}'; got one on '{view.GetAccelerator().Name}'.", nameof(view));
        }

        if (view.Length != (long)rows * cols)
        {
            throw new ArgumentException($"Expected a view of {rows} x {cols} = {(long)rows * cols} elements; got {view.Length}.", nameof(view));
        }

        return new CceTensor<T>(device, view, rows, cols, null);
    }

    /// <summary>
    /// Wraps CUDA device memory that another library allocated and owns (a PyTorch tensor's <c>data_ptr()</c>, a
    /// <c>cudaMalloc</c> or <c>cuMemAlloc</c> result) as a [rows, cols] tensor, without copying. The pointer may come
    /// from any CUDA context of the device's GPU in this process, the primary context included; the memory must stay
    /// allocated, and must not be written by other work, while a loss call uses it (a call returns with its kernels
    /// done, so synchronise the other library's stream before the call). Disposing the tensor frees nothing.
    /// </summary>
    /// <param name="device">A CUDA device, on the GPU the memory was allocated on.</param>
    /// <param name="pointer">The device address of element [0, 0], aligned to the element size (a loss takes tensors that start on 16-byte boundaries).</param>
    /// <param name="rows">Number of rows.</param>
    /// <param name="cols">Number of columns; the memory holds rows × cols elements, row-major and contiguous.</param>
    /// <exception cref="ArgumentNullException"><paramref name="device"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="device"/> is not a CUDA device, or <paramref name="pointer"/> is null or misaligned.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rows"/> is negative or <paramref name="cols"/> below 1.</exception>
    /// <exception cref="ObjectDisposedException"><paramref name="device"/> was disposed.</exception>
    public static CceTensor<T> FromDevicePointer(CceDevice device, nint pointer, int rows, int cols)
    {
        ArgumentNullException.ThrowIfNull(device);
        device.ThrowIfDisposed(nameof(device));
        CheckShape(rows, cols);
        if (device.Accelerator is not ILGPU.Runtime.Cuda.CudaAccelerator cuda)
        {
            throw new ArgumentException($"Expected a CUDA device: a device pointer is memory of a GPU; got {device}.", nameof(device));
        }

        int elementSize = Interop.SizeOf<T>();
        if (pointer == 0 || pointer % elementSize != 0)
        {
            throw new ArgumentException($"Expected a non-null device pointer aligned to the {elementSize}-byte element size of {typeof(T).Name}; got 0x{pointer:x}.", nameof(pointer));
        }

        long length = (long)rows * cols;
        var memory = new ForeignCudaMemory(cuda, pointer, Math.Max(1L, length), elementSize);
        return new CceTensor<T>(device, memory.AsArrayView<T>(0, length), rows, cols, memory);
    }

    /// <summary>
    /// A new tensor on the same device holding a copy of this one (copied on the device): the way to keep a loss
    /// result, such as <see cref="LossResult.Lse"/>, past the next call of its loss object.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The tensor or its device was disposed.</exception>
    /// <exception cref="InvalidOperationException">The tensor is a loss result that a later call has overwritten.</exception>
    public CceTensor<T> Clone()
    {
        ArrayView<T> source = View;
        CceTensor<T> copy = Allocate(Device, Rows, Cols);
        source.CopyTo(Device.Accelerator.DefaultStream, copy.viewStorage);
        Device.Accelerator.DefaultStream.Synchronize();
        return copy;
    }

    /// <summary>Copies the whole tensor to a new host array.</summary>
    public T[] ToArray()
    {
        var result = new T[Length];
        CopyTo(result);
        return result;
    }

    /// <summary>Copies the whole tensor into <paramref name="destination"/>, which must have exactly <see cref="Length"/> elements.</summary>
    public void CopyTo(Span<T> destination)
    {
        if (destination.Length != Length)
        {
            throw new ArgumentException($"Expected a destination of {Length} elements; got {destination.Length}.", nameof(destination));
        }

        View.CopyToCPU(Device.Accelerator.DefaultStream, destination);
        Device.Accelerator.DefaultStream.Synchronize();
    }

    /// <summary>Overwrites the whole tensor with <paramref name="source"/>, which must have exactly <see cref="Length"/> elements.</summary>
    public void CopyFrom(ReadOnlySpan<T> source)
    {
        if (source.Length != Length)
        {
            throw new ArgumentException($"Expected a source of {Length} elements; got {source.Length}.", nameof(source));
        }

        View.CopyFromCPU(Device.Accelerator.DefaultStream, source);
        Device.Accelerator.DefaultStream.Synchronize();
    }

    /// <summary>Sets every element to <paramref name="value"/>.</summary>
    public void Fill(T value)
    {
        var host = new T[Length];
        Array.Fill(host, value);
        CopyFrom(host);
    }

    /// <inheritdoc />
    public override string ToString() => $"CceTensor<{typeof(T).Name}>[{Rows}, {Cols}] on {Device}";

    /// <inheritdoc />
    public void Dispose()
    {
        if (!disposed)
        {
            disposed = true;
            owned?.Dispose();
        }
    }

    /// <summary>A loss result that reads <paramref name="buffer"/> for as long as <paramref name="resultStamp"/> is current.</summary>
    internal static CceTensor<T> Result(CceTensor<T> buffer, ResultStamp resultStamp) =>
        new(buffer.Device, buffer.viewStorage, buffer.Rows, buffer.Cols, null, resultStamp);

    /// <summary>
    /// Throws when the tensor cannot be used, naming <paramref name="argument"/>: disposed (the tensor or its device),
    /// or a loss result overwritten since.
    /// </summary>
    internal void ThrowIfUnusable(string argument)
    {
        if (disposed)
        {
            throw new ObjectDisposedException(argument, $"Expected a live tensor for {argument}; {this} was disposed.");
        }

        Device.ThrowIfDisposed(argument);
        if (stamp?.StaleReason is string reason)
        {
            throw new InvalidOperationException($"Expected {argument} to be a current loss result; {reason}");
        }
    }

    internal static CceTensor<T> Allocate(CceDevice device, int rows, int cols, long? expectedLength = null, string? sourceName = null)
    {
        ArgumentNullException.ThrowIfNull(device);
        CheckShape(rows, cols);
        if (expectedLength is long length && length != (long)rows * cols)
        {
            throw new ArgumentException($"Expected {rows} x {cols} = {(long)rows * cols} elements; got {length}.", sourceName);
        }

        MemoryBuffer1D<T, Stride1D.Dense> buffer = device.Accelerator.Allocate1D<T>(Math.Max(1L, (long)rows * cols));
        return new CceTensor<T>(device, buffer.View.SubView(0, (long)rows * cols), rows, cols, buffer);
    }

    private static void CheckShape(int rows, int cols)
    {
        if (rows < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(rows), rows, "Expected rows >= 0.");
        }

        if (cols < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(cols), cols, "Expected cols >= 1.");
        }
    }
}
