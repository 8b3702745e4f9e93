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
    /// <summary>One thread per row: g = upstream (· the row's own) (/ valid rows for a mean); 0 for an ignored row.</summary>
    public static void Compute(MatrixArguments a)
    {
        int row = Grid.GlobalIndex.X;
        if (row >= a.Rows)
        {
            return;
        }

        float g = a.Upstream;
        if (a.UpstreamPerRow.Length > 0)
        {
            g *= a.UpstreamPerRow[row];
        }

        if (a.MeanReduction != 0)
        {
            g /= a.ValidRows[0];
        }

        // The ignore index is negative and every other target lies in [0, V): the check before the call saw to it.
        a.RowCoefficients[row] = a.Targets[row] < 0 ? 0f : g;
    }
}
