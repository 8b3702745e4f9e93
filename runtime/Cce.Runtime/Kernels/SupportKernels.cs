using ILGPU;

namespace Cce.Kernels;

/// <summary>
/// Small kernels around the generated ones: index validation with the valid-row count, the deterministic
/// loss reduction and the finite check. Written once here, shared by every loss.
/// </summary>
public static class SupportKernels
{
    /// <summary>Slots of the status buffer written by <see cref="CheckInputs"/> and <see cref="FindNonFinite"/>.</summary>
    public const int StatusValidRows = 0, StatusBadTargetRow = 1, StatusBadNegativeRow = 2, StatusNonFiniteRow = 3, StatusBadUpstreamRow = 4, StatusLength = 5;

    /// <summary>Threads of the one group that reduces the loss.</summary>
    public const int ReduceThreads = 256;

    /// <summary>
    /// One thread per row: counts non-ignored rows and records the first row whose target lies outside [0, catalog),
    /// the first row with an explicit negative outside it (rows, not flat indices: N·K may pass 2^31), and the first
    /// row whose per-row upstream gradient is not finite. Status must hold {0, int.MaxValue, int.MaxValue, ...}.
    /// </summary>
    public static void CheckInputs(
        Index1D row, ArrayView<int> targets, ArrayView<int> negatives, int negativesPerRow, int catalog, int ignoreIndex,
        ArrayView<float> upstreamPerRow, ArrayView<int> status)
    {
        int target = targets[row];
        if (target != ignoreIndex)
        {
            Atomic.Add(ref status[StatusValidRows], 1);
            if (target < 0 || target >= catalog)
            {
                Atomic.Min(ref status[StatusBadTargetRow], row);
            }
        }

        if (negatives.Length > 0)
        {
            long start = (long)(int)row * negativesPerRow;
            for (int k = 0; k < negativesPerRow; k++)
            {
                int item = negatives[start + k];
                if (item < 0 || item >= catalog)
                {
                    Atomic.Min(ref status[StatusBadNegativeRow], row);
                    break;
                }
            }
        }

        if (upstreamPerRow.Length > 0 && !float.IsFinite(upstreamPerRow[row]))
        {
            Atomic.Min(ref status[StatusBadUpstreamRow], row);
        }
    }

    /// <summary>
    /// One group of <see cref="ReduceThreads"/> threads: sums the per-row losses in a fixed order (so the
    /// result is the same on every run) and divides by the valid-row count when <paramref name="mean"/> is 1.
    /// </summary>
    public static void ReduceLoss(ArrayView<float> rowLoss, int rows, ArrayView<int> status, int mean, ArrayView<float> result)
    {
        ArrayView<float> partial = SharedMemory.Allocate<float>(ReduceThreads);
        int thread = Group.IdxX;
        float sum = 0f;
        for (int i = thread; i < rows; i += ReduceThreads)
        {
            sum += rowLoss[i];
        }

        partial[thread] = sum;
        Group.Barrier();
        for (int stride = ReduceThreads / 2; stride > 0; stride >>= 1)
        {
            if (thread < stride)
            {
                partial[thread] += partial[thread + stride];
            }

            Group.Barrier();
        }

        if (thread == 0)
        {
            int count = status[StatusValidRows];
            result[0] = mean != 0 ? partial[0] / (count > 0 ? count : 1) : partial[0];
        }
    }

    /// <summary>One thread per row: records the first row whose log-sum-exp or loss is not finite.</summary>
    public static void FindNonFinite(Index1D row, ArrayView<float> rowLoss, ArrayView<float> rowLse, ArrayView<int> status)
    {
        float sum = rowLoss[row] + rowLse[row];
        if (float.IsNaN(sum) || float.IsInfinity(sum))
        {
            Atomic.Min(ref status[StatusNonFiniteRow], row);
        }
    }

    /// <summary>
    /// One thread: <paramref name="offsets"/>[v] = the sum of <paramref name="counts"/>[0..v) for v in [0, length], and
    /// counts[0..length) overwritten with those offsets (the sorted fill's cursors). For ILGPU's CPU accelerator,
    /// where a sequential pass over V counts takes microseconds and a general multi-group scan hundreds of milliseconds.
    /// </summary>
    public static void SequentialScan(Index1D index, ArrayView<int> counts, ArrayView<int> offsets, int length)
    {
        int sum = 0;
        for (int v = 0; v < length; v++)
        {
            int count = counts[v];
            offsets[v] = sum;
            counts[v] = sum;
            sum += count;
        }

        offsets[length] = sum;
    }
}
