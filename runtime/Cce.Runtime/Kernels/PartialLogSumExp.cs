using Cce.Families.Matrix;
using ILGPU;
using ILGPU.Algorithms;

namespace Cce.Kernels;

/// <summary>
/// Merges the forward pass's item splits: each split left a running maximum and sum per row, and the split holding the
/// row's target left that logit in the loss. Every row's splits are read in split order by one thread, so the
/// log-sum-exp is the same whichever split finished first.
/// </summary>
public static class PartialLogSumExp
{
    /// <summary>Index in <see cref="MatrixArguments.Partials"/> of the running maximum of <paramref name="row"/> in <paramref name="split"/>; the sum follows it.</summary>
    public static long Index(int split, int row, int rows) => 2L * (((long)split * rows) + row);

    /// <summary>One thread per row: log-sum-exp = m + log Σ_s sum_s · exp(m_s − m), with m the largest m_s; loss = lse − target logit.</summary>
    public static void Merge(MatrixArguments a)
    {
        int row = Grid.GlobalIndex.X;
        if (row >= a.Rows)
        {
            return;
        }

        if (a.Targets[row] < 0)
        {
            a.RowLse[row] = 0f;
            a.RowLoss[row] = 0f;
            return;
        }

        float m = float.NegativeInfinity;
        for (int split = 0; split < a.Splits; split++)
        {
            m = XMath.Max(m, a.Partials[Index(split, row, a.Rows)]);
        }

        float sum = 0f;
        for (int split = 0; split < a.Splits; split++)
        {
            long index = Index(split, row, a.Rows);
            float partial = a.Partials[index + 1];
            // A split whose items all lay past V kept no item: its sum is 0 and its maximum −∞.
            sum += partial > 0f ? partial * XMath.Exp(a.Partials[index] - m) : 0f;
        }

        float lse = m + XMath.Log(sum);
        a.RowLse[row] = lse;
        a.RowLoss[row] = lse - a.RowLoss[row];
    }
}
