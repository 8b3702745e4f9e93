using System.Runtime.InteropServices;
using Cce.Families.PerRow;
using ILGPU.Runtime.Cuda;
using ILGPU.Runtime;

namespace Cce;

/// <summary>
/// Lets a CUDA kernel use more than 48 KB of dynamic shared memory. ILGPU does not expose the driver's
/// opt-in attribute, so it is set here directly on the kernel's function handle.
/// </summary>
internal static unsafe class CudaSharedMemoryOptIn
{
    private const int MaxDynamicSharedSizeBytes = 8;
    private static readonly delegate* unmanaged<IntPtr, int, int, int> SetAttribute = Resolve();

    /// <summary>Raises the kernel's dynamic shared memory limit to <paramref name="bytes"/>; a no-op for other accelerators or small requests.</summary>
    public static void Apply(Accelerator accelerator, Kernel kernel, int bytes)
    {
        if (bytes <= PerRowGeometry.DefaultSharedBytesPerGroup || kernel is not CudaKernel cuda)
        {
            return;
        }

        if (SetAttribute == null)
        {
            throw new InvalidOperationException("The CUDA driver's cuFuncSetAttribute was not found; kernels needing over 48 KB of shared memory cannot run.");
        }

        accelerator.Bind();
        int status = SetAttribute(cuda.FunctionPtr, MaxDynamicSharedSizeBytes, bytes);
        if (status != 0)
        {
            throw new InvalidOperationException($"cuFuncSetAttribute(MAX_DYNAMIC_SHARED_SIZE_BYTES, {bytes}) failed with CUDA error {status}.");
        }
    }

    private static delegate* unmanaged<IntPtr, int, int, int> Resolve()
    {
        foreach (string name in new[] { "libcuda.so.1", "libcuda.so", "nvcuda.dll" })
        {
            if (NativeLibrary.TryLoad(name, out IntPtr library) && NativeLibrary.TryGetExport(library, "cuFuncSetAttribute", out IntPtr export))
            {
                return (delegate* unmanaged<IntPtr, int, int, int>)export;
            }
        }

        return null;
    }
}
