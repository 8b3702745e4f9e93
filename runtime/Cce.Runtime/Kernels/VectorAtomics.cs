using ILGPU;
using ILGPU.Runtime.Cuda;

namespace Cce.Kernels;

/// <summary>
/// Four fp32 atomic additions to consecutive, 16-byte-aligned addresses as one sm_90 vector reduction
/// (<c>red.global.add.v4.f32</c>): a quarter of the atomic operations of four scalar ones. Only kernels
/// specialised for a device whose PTX target is sm_90 or newer call it; elsewhere it falls back to scalars.
/// </summary>
public static class VectorAtomics
{
    /// <summary>target[index … index+3] += (x, y, z, w); <paramref name="baseAddress"/> is the device address of target[0].</summary>
    public static void Add4(ArrayView<float> target, long index, ulong baseAddress, float x, float y, float z, float w)
    {
        if (CudaAsm.IsSupported)
        {
            CudaAsm.Emit("red.global.add.v4.f32 [%0], {%1, %2, %3, %4};", baseAddress + ((ulong)index * sizeof(float)), x, y, z, w);
        }
        else
        {
            FloatAtomics.Add(target, index, x);
            FloatAtomics.Add(target, index + 1, y);
            FloatAtomics.Add(target, index + 2, z);
            FloatAtomics.Add(target, index + 3, w);
        }
    }
}
