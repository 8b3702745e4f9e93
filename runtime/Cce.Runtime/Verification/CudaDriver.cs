using System.Runtime.InteropServices;

namespace Cce.Verification;

/// <summary>
/// The few CUDA driver calls with which <see cref="PrimaryContextMemory"/> allocates as other CUDA libraries do: in the
/// device's primary context, outside ILGPU. Linux's driver library; on other systems the calls fail to load.
/// </summary>
internal static partial class CudaDriver
{
    private const string Library = "libcuda.so.1";

    /// <summary>Throws naming <paramref name="call"/> when a driver call returns an error code.</summary>
    public static void Check(int result, string call)
    {
        if (result != 0)
        {
            throw new InvalidOperationException($"Expected the CUDA driver call {call} to succeed; it returned CUresult {result}.");
        }
    }

    [LibraryImport(Library, EntryPoint = "cuInit")]
    public static partial int Init(uint flags);

    [LibraryImport(Library, EntryPoint = "cuDeviceGet")]
    public static partial int DeviceGet(out int device, int ordinal);

    [LibraryImport(Library, EntryPoint = "cuDevicePrimaryCtxRetain")]
    public static partial int PrimaryContextRetain(out nint context, int device);

    [LibraryImport(Library, EntryPoint = "cuDevicePrimaryCtxRelease_v2")]
    public static partial int PrimaryContextRelease(int device);

    [LibraryImport(Library, EntryPoint = "cuCtxPushCurrent_v2")]
    public static partial int PushCurrent(nint context);

    [LibraryImport(Library, EntryPoint = "cuCtxPopCurrent_v2")]
    public static partial int PopCurrent(out nint context);

    [LibraryImport(Library, EntryPoint = "cuMemAlloc_v2")]
    public static partial int MemoryAllocate(out nint pointer, nuint bytes);

    [LibraryImport(Library, EntryPoint = "cuMemFree_v2")]
    public static partial int MemoryFree(nint pointer);

    [LibraryImport(Library, EntryPoint = "cuMemcpyHtoD_v2")]
    public static partial int CopyHostToDevice(nint destination, nint source, nuint bytes);

    [LibraryImport(Library, EntryPoint = "cuPointerGetAttribute")]
    public static partial int PointerGetAttribute(out nint value, int attribute, nint pointer);

    /// <summary>CU_POINTER_ATTRIBUTE_CONTEXT: the context an allocation belongs to.</summary>
    public const int PointerAttributeContext = 1;
}
