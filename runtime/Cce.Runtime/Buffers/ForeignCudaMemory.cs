using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;

namespace Cce;

/// <summary>
/// CUDA memory that another library allocated and owns, seen as an ILGPU buffer: copies and fills go through the CUDA
/// driver like ILGPU's own buffers, and disposing it frees nothing. The driver's unified addressing makes such a
/// pointer usable from ILGPU's context even when it was allocated in another context of the same device (the
/// primary context, where most CUDA libraries allocate): verified on the GPU by <c>cce verify --device cuda</c>.
/// </summary>
internal sealed class ForeignCudaMemory : MemoryBuffer
{
    public ForeignCudaMemory(CudaAccelerator accelerator, nint pointer, long length, int elementSize)
        : base(accelerator, length, elementSize) => NativePtr = pointer;

    protected override void MemSet(AcceleratorStream stream, byte value, in ArrayView<byte> targetView) =>
        CudaMemoryBuffer.CudaMemSet(stream as CudaStream, value, targetView);

    protected override void CopyFrom(AcceleratorStream stream, in ArrayView<byte> sourceView, in ArrayView<byte> targetView) =>
        CudaMemoryBuffer.CudaCopy(stream as CudaStream, sourceView, targetView);

    protected override void CopyTo(AcceleratorStream stream, in ArrayView<byte> sourceView, in ArrayView<byte> targetView) =>
        CudaMemoryBuffer.CudaCopy(stream as CudaStream, sourceView, targetView);

    /// <summary>The memory belongs to its allocator: only the reference is dropped.</summary>
    protected override void DisposeAcceleratorObject(bool disposing) => NativePtr = IntPtr.Zero;
}
