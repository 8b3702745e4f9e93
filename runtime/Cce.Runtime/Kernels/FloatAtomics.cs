using ILGPU;

namespace Cce.Kernels;

/// <summary>
/// fp32 atomic addition for accelerators without a hardware one (the CPU accelerator): a compare-exchange
/// loop on the raw bits. ILGPU's own fallback compares floats, and once the target holds NaN (a NaN in H or
/// W must propagate, SPEC §5) that comparison never succeeds and the loop never ends. Generated kernels use
/// the hardware <see cref="Atomic.Add(ref float, float)"/> on GPUs and this elsewhere.
/// </summary>
public static class FloatAtomics
{
    /// <summary>target[index] += value, atomically.</summary>
    public static void Add(ArrayView<float> target, long index, float value)
    {
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
