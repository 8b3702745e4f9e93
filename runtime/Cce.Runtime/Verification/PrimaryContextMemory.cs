using System.Runtime.InteropServices;

namespace Cce.Verification;

/// <summary>
/// Tensors in memory that the CUDA driver allocated in the GPU's primary context, where PyTorch, cuBLAS and most CUDA
/// libraries allocate, wrapped with <see cref="CceTensor{T}.FromDevicePointer"/>: ILGPU runs the loss in a context of
/// its own, so this is the check that another library's memory works as a loss's inputs and outputs. The memory is
/// freed, and the primary context released, on dispose.
/// </summary>
internal sealed class PrimaryContextMemory : VerificationMemory
{
    private readonly CceDevice device;
    private readonly int ordinal;
    private readonly nint context;
    private readonly List<nint> allocations = [];
    private readonly List<IDisposable> tensors = [];

    public PrimaryContextMemory(CceDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        if (device.Kind != DeviceKind.Cuda)
        {
            throw new ArgumentException($"Expected a CUDA device; got {device}.", nameof(device));
        }

        this.device = device;
        CudaDriver.Check(CudaDriver.Init(0), "cuInit");
        CudaDriver.Check(CudaDriver.DeviceGet(out ordinal, device.Index), "cuDeviceGet");
        CudaDriver.Check(CudaDriver.PrimaryContextRetain(out context, ordinal), "cuDevicePrimaryCtxRetain");
    }

    public override CceTensor<T> Upload<T>(T[] data, int rows, int cols)
    {
        nint pointer = AllocateBytes((long)rows * cols * Marshal.SizeOf<T>());
        GCHandle pinned = GCHandle.Alloc(data, GCHandleType.Pinned);
        try
        {
            InPrimaryContext(() => CudaDriver.Check(CudaDriver.CopyHostToDevice(pointer, pinned.AddrOfPinnedObject(), (nuint)((long)data.Length * Marshal.SizeOf<T>())), "cuMemcpyHtoD"));
        }
        finally
        {
            pinned.Free();
        }

        return Track(CceTensor<T>.FromDevicePointer(device, pointer, rows, cols));
    }

    public override CceTensor<T> Allocate<T>(int rows, int cols) =>
        Track(CceTensor<T>.FromDevicePointer(device, AllocateBytes((long)rows * cols * Marshal.SizeOf<T>()), rows, cols));

    public override void Dispose()
    {
        foreach (IDisposable tensor in tensors)
        {
            tensor.Dispose();
        }

        device.Accelerator.Synchronize();
        InPrimaryContext(() =>
        {
            foreach (nint pointer in allocations)
            {
                CudaDriver.Check(CudaDriver.MemoryFree(pointer), "cuMemFree");
            }
        });
        allocations.Clear();
        CudaDriver.Check(CudaDriver.PrimaryContextRelease(ordinal), "cuDevicePrimaryCtxRelease");
    }

    private CceTensor<T> Track<T>(CceTensor<T> tensor)
        where T : unmanaged
    {
        tensors.Add(tensor);
        return tensor;
    }

    private nint AllocateBytes(long bytes)
    {
        nint pointer = 0;
        InPrimaryContext(() => CudaDriver.Check(CudaDriver.MemoryAllocate(out pointer, (nuint)Math.Max(bytes, 16)), "cuMemAlloc"));
        allocations.Add(pointer);

        // The check is meaningful only if the memory belongs to the primary context, not to ILGPU's.
        CudaDriver.Check(CudaDriver.PointerGetAttribute(out nint owner, CudaDriver.PointerAttributeContext, pointer), "cuPointerGetAttribute");
        if (owner != context || owner == device.Accelerator.NativePtr)
        {
            throw new InvalidOperationException($"Expected the allocation to belong to the primary context 0x{context:x}; it belongs to 0x{owner:x} (ILGPU's is 0x{device.Accelerator.NativePtr:x}).");
        }

        return pointer;
    }

    /// <summary>Runs a driver call with the primary context current, then restores the thread's context (ILGPU's).</summary>
    private void InPrimaryContext(Action call)
    {
        CudaDriver.Check(CudaDriver.PushCurrent(context), "cuCtxPushCurrent");
        try
        {
            call();
        }
        finally
        {
            CudaDriver.Check(CudaDriver.PopCurrent(out _), "cuCtxPopCurrent");
        }
    }
}
