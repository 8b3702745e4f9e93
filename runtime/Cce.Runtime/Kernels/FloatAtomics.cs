using ILGPU;
using ILGPU.Runtime.Cuda;

namespace Cce.Kernels;

/// <summary>
/// fp32 atomic addition that terminates whatever the values: on GPUs the hardware instruction; elsewhere a
/// compare-exchange loop on the raw bits. ILGPU's own fallback compares floats, and once the target holds
/// NaN (a NaN in H or W must propagate, SPEC §5) that comparison never succeeds and the loop never ends.
/// </summary>
public static class FloatAtomics
{
    /// <summary>target[index] += value, atomically.</summary>
    public static void Add(ArrayView<float> target, long index, float value)
    {
        if (CudaAsm.IsSupported)
        {
            Atomic.Add(ref target[index], value);
            return;
        }

        ArrayView<int> bits = target.Cast<int>();
        int expected = bits[index];
        while (true)
        {
            int desired = (int)Interop.FloatAsInt(Interop.IntAsFloat((uint)expected) + value);
            int found = Atomic.CompareExchange(ref bits[index], expected, desired);
            if (found == expected)
            {
                return;
            }

            expected = found;
        }
    }
}
