using Cce.Families.Matrix;
using ILGPU;

namespace Cce.Kernels;

/// <summary>
/// Each row's share of the reduced loss's gradient, once per call: the matrix kernels read it for every (row, item)
/// pair of their blocks, so it is formed here rather than from the upstream, the per-row upstream and the valid count
/// each time.
/// </summary>
public static class RowCoefficients
{
    /// <summary>
    /// One thread per row: g = upstream (· the row's own) (/ valid rows for a mean); 0 for an ignored row. Also raises
    /// <see cref="MatrixArguments.CoefficientBound"/>, cleared before the launch, to the largest |g|: one atomic per warp.
    /// </summary>
    public static void Compute(MatrixArguments a)
    {
        int row = Grid.GlobalIndex.X;
        float g = 0f;
        if (row < a.Rows)
        {
            g = a.Upstream;
            if (a.UpstreamPerRow.Length > 0)
            {
                g *= a.UpstreamPerRow[row];
            }

            if (a.MeanReduction != 0)
            {
                g /= a.ValidRows[0];
            }

            // The ignore index is negative and every other target lies in [0, V): the check before the call saw to it.
            g = a.Targets[row] < 0 ? 0f : g;
            a.RowCoefficients[row] = g;
        }

        // Every lane reaches the shuffles (none returned early); a NaN's bits exceed every finite magnitude's.
        int bits = (int)(Interop.FloatAsInt(g) & 0x7FFFFFFFu);
        for (int lane = 1; lane < Warp.WarpSize; lane <<= 1)
        {
            bits = Math.Max(bits, Warp.ShuffleXor(bits, lane));
        }

        if (Warp.IsFirstLane && bits != 0)
        {
            Atomic.Max(ref a.CoefficientBound[0], bits);
        }
    }
}
