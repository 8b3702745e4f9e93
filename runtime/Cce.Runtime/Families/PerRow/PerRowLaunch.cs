using Cce.Schemes;
using ILGPU;
using ILGPU.Runtime;

namespace Cce.Families.PerRow;

/// <summary>What every pipeline of the per-row family launches alike: the kernels' argument and the row grid.</summary>
internal static class PerRowLaunch
{
    /// <summary>The per-row kernels' argument for <paramref name="call"/>, the scheme's inputs bound.</summary>
    public static PerRowArguments Arguments(in LossCall call)
    {
        var arguments = new PerRowArguments
        {
            Hidden = call.Hidden,
            Items = call.Items,
            Targets = call.Targets,
            RowLoss = call.RowLoss,
            RowLse = call.RowLse,
            GradHidden = call.GradHidden,
            GradItems = call.GradItems,
            UpstreamPerRow = call.UpstreamPerRow,
            ValidRows = call.ValidRows,
            Rows = call.Rows,
            Catalog = call.Catalog,
            Upstream = call.Upstream,
            MeanReduction = call.Description.Reduction == LossReduction.Mean ? 1 : 0,
            AccumulateHiddenGradient = call.Update == GradientUpdate.Accumulate ? 1 : 0,
        };
        int correctionCatalog = call.CorrectionCatalog > 0 ? call.CorrectionCatalog : call.Catalog;
        PerRowScheme.For(call.Description.Scheme).Bind(ref arguments, call.Negatives, call.Description, correctionCatalog);
        return arguments;
    }

    /// <summary>The grid of a row kernel: one group per <see cref="PerRowTile.RowsPerGroup"/> rows, with optional dynamic shared memory.</summary>
    public static KernelConfig Rows(PerRowTile tile, int rows, int sharedFloats = 0)
    {
        int groups = (rows + tile.RowsPerGroup - 1) / tile.RowsPerGroup;
        return sharedFloats > 0
            ? new KernelConfig(groups, tile.ThreadsPerGroup, SharedMemoryConfig.RequestDynamic<float>(sharedFloats))
            : new KernelConfig(groups, tile.ThreadsPerGroup);
    }
}
