namespace Cce.Verification.Losses;

/// <summary>The losses <c>cce verify</c> and the test suite check, as this assembly's generated registry lists them.</summary>
public static class VerificationLosses
{
    /// <summary>Every loss of the suite, ordered by name.</summary>
    public static IReadOnlyList<LossEntry> All { get; } = LossRegistryAttribute.LossesOf(typeof(VerificationLosses).Assembly);
}

// The losses `cce verify` checks: every available scheme x element type x correction x reduction, K = 1,
// and fp32 gradients of 16-bit inputs. Hidden sizes and tiles vary so that every lane layout is met:
// several items per warp, lanes with no chunk (guards), and several chunks per lane. Each loss declares the same
// tile in both per-row pipelines, sorted first, so that the portable layout the CPU accelerator runs is the sorted one;
// two sorted tiles choose fewer lanes per item than the row's chunks, so that sub-groups hold several chunks each.

/// <summary>UniformPerRow, Float32, correction None, reduction Mean, D = 32.</summary>
[CatalogLoss(Scheme = NegativeScheme.UniformPerRow, Negatives = 7, HiddenSize = 32, Element = ElementType.Float32, Correction = LogQCorrection.None, Reduction = LossReduction.Mean)]
[PerRowTile(Warps = 2, RowsPerGroup = 4, ItemsInFlight = 2, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 2, RowsPerGroup = 4, ItemsInFlight = 2)]
public sealed partial class UniformPerRowF32NoneMeanLoss;

/// <summary>UniformPerRow, Float32, correction None, reduction Sum, D = 96.</summary>
[CatalogLoss(Scheme = NegativeScheme.UniformPerRow, Negatives = 7, HiddenSize = 96, Element = ElementType.Float32, Correction = LogQCorrection.None, Reduction = LossReduction.Sum)]
[PerRowTile(Warps = 1, RowsPerGroup = 3, ItemsInFlight = 1, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 1, RowsPerGroup = 3, ItemsInFlight = 1)]
public sealed partial class UniformPerRowF32NoneSumLoss;

/// <summary>UniformPerRow, Float32, correction None, reduction None, D = 160.</summary>
[CatalogLoss(Scheme = NegativeScheme.UniformPerRow, Negatives = 7, HiddenSize = 160, Element = ElementType.Float32, Correction = LogQCorrection.None, Reduction = LossReduction.None)]
[PerRowTile(Warps = 4, RowsPerGroup = 8, ItemsInFlight = 4, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 4, RowsPerGroup = 8, ItemsInFlight = 4)]
public sealed partial class UniformPerRowF32NoneNoneLoss;

/// <summary>UniformPerRow, Float32, correction LogQ, reduction Mean, D = 32.</summary>
[CatalogLoss(Scheme = NegativeScheme.UniformPerRow, Negatives = 7, HiddenSize = 32, Element = ElementType.Float32, Correction = LogQCorrection.LogQ, Reduction = LossReduction.Mean)]
[PerRowTile(Warps = 2, RowsPerGroup = 4, ItemsInFlight = 2, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 2, RowsPerGroup = 4, ItemsInFlight = 2)]
public sealed partial class UniformPerRowF32LogQMeanLoss;

/// <summary>UniformPerRow, Float32, correction LogQ, reduction Sum, D = 96.</summary>
[CatalogLoss(Scheme = NegativeScheme.UniformPerRow, Negatives = 7, HiddenSize = 96, Element = ElementType.Float32, Correction = LogQCorrection.LogQ, Reduction = LossReduction.Sum)]
[PerRowTile(Warps = 1, RowsPerGroup = 3, ItemsInFlight = 1, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 1, RowsPerGroup = 3, ItemsInFlight = 1)]
public sealed partial class UniformPerRowF32LogQSumLoss;

/// <summary>UniformPerRow, Float32, correction LogQ, reduction None, D = 160.</summary>
[CatalogLoss(Scheme = NegativeScheme.UniformPerRow, Negatives = 7, HiddenSize = 160, Element = ElementType.Float32, Correction = LogQCorrection.LogQ, Reduction = LossReduction.None)]
[PerRowTile(Warps = 4, RowsPerGroup = 8, ItemsInFlight = 4, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 4, RowsPerGroup = 8, ItemsInFlight = 4)]
public sealed partial class UniformPerRowF32LogQNoneLoss;

/// <summary>UniformPerRow, Float32, correction Paper, reduction Mean, D = 32.</summary>
[CatalogLoss(Scheme = NegativeScheme.UniformPerRow, Negatives = 7, HiddenSize = 32, Element = ElementType.Float32, Correction = LogQCorrection.Paper, Reduction = LossReduction.Mean)]
[PerRowTile(Warps = 2, RowsPerGroup = 4, ItemsInFlight = 2, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 2, RowsPerGroup = 4, ItemsInFlight = 2)]
public sealed partial class UniformPerRowF32PaperMeanLoss;

/// <summary>UniformPerRow, Float32, correction Paper, reduction Sum, D = 96.</summary>
[CatalogLoss(Scheme = NegativeScheme.UniformPerRow, Negatives = 7, HiddenSize = 96, Element = ElementType.Float32, Correction = LogQCorrection.Paper, Reduction = LossReduction.Sum)]
[PerRowTile(Warps = 1, RowsPerGroup = 3, ItemsInFlight = 1, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 1, RowsPerGroup = 3, ItemsInFlight = 1)]
public sealed partial class UniformPerRowF32PaperSumLoss;

/// <summary>UniformPerRow, Float32, correction Paper, reduction None, D = 160.</summary>
[CatalogLoss(Scheme = NegativeScheme.UniformPerRow, Negatives = 7, HiddenSize = 160, Element = ElementType.Float32, Correction = LogQCorrection.Paper, Reduction = LossReduction.None)]
[PerRowTile(Warps = 4, RowsPerGroup = 8, ItemsInFlight = 4, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 4, RowsPerGroup = 8, ItemsInFlight = 4)]
public sealed partial class UniformPerRowF32PaperNoneLoss;

/// <summary>UniformPerRow, Float16, correction None, reduction Mean, D = 64.</summary>
[CatalogLoss(Scheme = NegativeScheme.UniformPerRow, Negatives = 7, HiddenSize = 64, Element = ElementType.Float16, Correction = LogQCorrection.None, Reduction = LossReduction.Mean)]
[PerRowTile(Warps = 2, RowsPerGroup = 4, ItemsInFlight = 2, Pipeline = PerRowPipeline.Sorted, LanesPerItem = 2)]
[PerRowTile(Warps = 2, RowsPerGroup = 4, ItemsInFlight = 2)]
public sealed partial class UniformPerRowF16NoneMeanLoss;

/// <summary>UniformPerRow, Float16, correction None, reduction Sum, D = 40.</summary>
[CatalogLoss(Scheme = NegativeScheme.UniformPerRow, Negatives = 7, HiddenSize = 40, Element = ElementType.Float16, Correction = LogQCorrection.None, Reduction = LossReduction.Sum)]
[PerRowTile(Warps = 1, RowsPerGroup = 3, ItemsInFlight = 1, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 1, RowsPerGroup = 3, ItemsInFlight = 1)]
public sealed partial class UniformPerRowF16NoneSumLoss;

/// <summary>UniformPerRow, Float16, correction None, reduction None, D = 128.</summary>
[CatalogLoss(Scheme = NegativeScheme.UniformPerRow, Negatives = 7, HiddenSize = 128, Element = ElementType.Float16, Correction = LogQCorrection.None, Reduction = LossReduction.None)]
[PerRowTile(Warps = 4, RowsPerGroup = 8, ItemsInFlight = 4, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 4, RowsPerGroup = 8, ItemsInFlight = 4)]
public sealed partial class UniformPerRowF16NoneNoneLoss;

/// <summary>UniformPerRow, Float16, correction LogQ, reduction Mean, D = 64.</summary>
[CatalogLoss(Scheme = NegativeScheme.UniformPerRow, Negatives = 7, HiddenSize = 64, Element = ElementType.Float16, Correction = LogQCorrection.LogQ, Reduction = LossReduction.Mean)]
[PerRowTile(Warps = 2, RowsPerGroup = 4, ItemsInFlight = 2, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 2, RowsPerGroup = 4, ItemsInFlight = 2)]
public sealed partial class UniformPerRowF16LogQMeanLoss;

/// <summary>UniformPerRow, Float16, correction LogQ, reduction Sum, D = 40.</summary>
[CatalogLoss(Scheme = NegativeScheme.UniformPerRow, Negatives = 7, HiddenSize = 40, Element = ElementType.Float16, Correction = LogQCorrection.LogQ, Reduction = LossReduction.Sum)]
[PerRowTile(Warps = 1, RowsPerGroup = 3, ItemsInFlight = 1, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 1, RowsPerGroup = 3, ItemsInFlight = 1)]
public sealed partial class UniformPerRowF16LogQSumLoss;

/// <summary>UniformPerRow, Float16, correction LogQ, reduction None, D = 128.</summary>
[CatalogLoss(Scheme = NegativeScheme.UniformPerRow, Negatives = 7, HiddenSize = 128, Element = ElementType.Float16, Correction = LogQCorrection.LogQ, Reduction = LossReduction.None)]
[PerRowTile(Warps = 4, RowsPerGroup = 8, ItemsInFlight = 4, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 4, RowsPerGroup = 8, ItemsInFlight = 4)]
public sealed partial class UniformPerRowF16LogQNoneLoss;

/// <summary>UniformPerRow, Float16, correction Paper, reduction Mean, D = 64.</summary>
[CatalogLoss(Scheme = NegativeScheme.UniformPerRow, Negatives = 7, HiddenSize = 64, Element = ElementType.Float16, Correction = LogQCorrection.Paper, Reduction = LossReduction.Mean)]
[PerRowTile(Warps = 2, RowsPerGroup = 4, ItemsInFlight = 2, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 2, RowsPerGroup = 4, ItemsInFlight = 2)]
public sealed partial class UniformPerRowF16PaperMeanLoss;

/// <summary>UniformPerRow, Float16, correction Paper, reduction Sum, D = 40.</summary>
[CatalogLoss(Scheme = NegativeScheme.UniformPerRow, Negatives = 7, HiddenSize = 40, Element = ElementType.Float16, Correction = LogQCorrection.Paper, Reduction = LossReduction.Sum)]
[PerRowTile(Warps = 1, RowsPerGroup = 3, ItemsInFlight = 1, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 1, RowsPerGroup = 3, ItemsInFlight = 1)]
public sealed partial class UniformPerRowF16PaperSumLoss;

/// <summary>UniformPerRow, Float16, correction Paper, reduction None, D = 128.</summary>
[CatalogLoss(Scheme = NegativeScheme.UniformPerRow, Negatives = 7, HiddenSize = 128, Element = ElementType.Float16, Correction = LogQCorrection.Paper, Reduction = LossReduction.None)]
[PerRowTile(Warps = 4, RowsPerGroup = 8, ItemsInFlight = 4, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 4, RowsPerGroup = 8, ItemsInFlight = 4)]
public sealed partial class UniformPerRowF16PaperNoneLoss;

/// <summary>UniformPerRow, BFloat16, correction None, reduction Mean, D = 64.</summary>
[CatalogLoss(Scheme = NegativeScheme.UniformPerRow, Negatives = 7, HiddenSize = 64, Element = ElementType.BFloat16, Correction = LogQCorrection.None, Reduction = LossReduction.Mean)]
[PerRowTile(Warps = 2, RowsPerGroup = 4, ItemsInFlight = 2, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 2, RowsPerGroup = 4, ItemsInFlight = 2)]
public sealed partial class UniformPerRowBf16NoneMeanLoss;

/// <summary>UniformPerRow, BFloat16, correction None, reduction Sum, D = 40.</summary>
[CatalogLoss(Scheme = NegativeScheme.UniformPerRow, Negatives = 7, HiddenSize = 40, Element = ElementType.BFloat16, Correction = LogQCorrection.None, Reduction = LossReduction.Sum)]
[PerRowTile(Warps = 1, RowsPerGroup = 3, ItemsInFlight = 1, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 1, RowsPerGroup = 3, ItemsInFlight = 1)]
public sealed partial class UniformPerRowBf16NoneSumLoss;

/// <summary>UniformPerRow, BFloat16, correction None, reduction None, D = 128.</summary>
[CatalogLoss(Scheme = NegativeScheme.UniformPerRow, Negatives = 7, HiddenSize = 128, Element = ElementType.BFloat16, Correction = LogQCorrection.None, Reduction = LossReduction.None)]
[PerRowTile(Warps = 4, RowsPerGroup = 8, ItemsInFlight = 4, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 4, RowsPerGroup = 8, ItemsInFlight = 4)]
public sealed partial class UniformPerRowBf16NoneNoneLoss;

/// <summary>UniformPerRow, BFloat16, correction LogQ, reduction Mean, D = 64.</summary>
[CatalogLoss(Scheme = NegativeScheme.UniformPerRow, Negatives = 7, HiddenSize = 64, Element = ElementType.BFloat16, Correction = LogQCorrection.LogQ, Reduction = LossReduction.Mean)]
[PerRowTile(Warps = 2, RowsPerGroup = 4, ItemsInFlight = 2, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 2, RowsPerGroup = 4, ItemsInFlight = 2)]
public sealed partial class UniformPerRowBf16LogQMeanLoss;

/// <summary>UniformPerRow, BFloat16, correction LogQ, reduction Sum, D = 40.</summary>
[CatalogLoss(Scheme = NegativeScheme.UniformPerRow, Negatives = 7, HiddenSize = 40, Element = ElementType.BFloat16, Correction = LogQCorrection.LogQ, Reduction = LossReduction.Sum)]
[PerRowTile(Warps = 1, RowsPerGroup = 3, ItemsInFlight = 1, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 1, RowsPerGroup = 3, ItemsInFlight = 1)]
public sealed partial class UniformPerRowBf16LogQSumLoss;

/// <summary>UniformPerRow, BFloat16, correction LogQ, reduction None, D = 128.</summary>
[CatalogLoss(Scheme = NegativeScheme.UniformPerRow, Negatives = 7, HiddenSize = 128, Element = ElementType.BFloat16, Correction = LogQCorrection.LogQ, Reduction = LossReduction.None)]
[PerRowTile(Warps = 4, RowsPerGroup = 8, ItemsInFlight = 4, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 4, RowsPerGroup = 8, ItemsInFlight = 4)]
public sealed partial class UniformPerRowBf16LogQNoneLoss;

/// <summary>UniformPerRow, BFloat16, correction Paper, reduction Mean, D = 64.</summary>
[CatalogLoss(Scheme = NegativeScheme.UniformPerRow, Negatives = 7, HiddenSize = 64, Element = ElementType.BFloat16, Correction = LogQCorrection.Paper, Reduction = LossReduction.Mean)]
[PerRowTile(Warps = 2, RowsPerGroup = 4, ItemsInFlight = 2, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 2, RowsPerGroup = 4, ItemsInFlight = 2)]
public sealed partial class UniformPerRowBf16PaperMeanLoss;

/// <summary>UniformPerRow, BFloat16, correction Paper, reduction Sum, D = 40.</summary>
[CatalogLoss(Scheme = NegativeScheme.UniformPerRow, Negatives = 7, HiddenSize = 40, Element = ElementType.BFloat16, Correction = LogQCorrection.Paper, Reduction = LossReduction.Sum)]
[PerRowTile(Warps = 1, RowsPerGroup = 3, ItemsInFlight = 1, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 1, RowsPerGroup = 3, ItemsInFlight = 1)]
public sealed partial class UniformPerRowBf16PaperSumLoss;

/// <summary>UniformPerRow, BFloat16, correction Paper, reduction None, D = 128.</summary>
[CatalogLoss(Scheme = NegativeScheme.UniformPerRow, Negatives = 7, HiddenSize = 128, Element = ElementType.BFloat16, Correction = LogQCorrection.Paper, Reduction = LossReduction.None)]
[PerRowTile(Warps = 4, RowsPerGroup = 8, ItemsInFlight = 4, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 4, RowsPerGroup = 8, ItemsInFlight = 4)]
public sealed partial class UniformPerRowBf16PaperNoneLoss;

/// <summary>UniformPerRow, Float32, K = 1.</summary>
[CatalogLoss(Scheme = NegativeScheme.UniformPerRow, Negatives = 1, HiddenSize = 32, Element = ElementType.Float32, Correction = LogQCorrection.None, Reduction = LossReduction.Mean)]
[PerRowTile(Warps = 2, RowsPerGroup = 2, ItemsInFlight = 1, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 2, RowsPerGroup = 2, ItemsInFlight = 1)]
public sealed partial class UniformPerRowF32SingleNegativeLoss;

/// <summary>UniformPerRow, Float16, K = 1.</summary>
[CatalogLoss(Scheme = NegativeScheme.UniformPerRow, Negatives = 1, HiddenSize = 64, Element = ElementType.Float16, Correction = LogQCorrection.None, Reduction = LossReduction.Mean)]
[PerRowTile(Warps = 2, RowsPerGroup = 2, ItemsInFlight = 1, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 2, RowsPerGroup = 2, ItemsInFlight = 1)]
public sealed partial class UniformPerRowF16SingleNegativeLoss;

/// <summary>UniformPerRow, BFloat16, K = 1.</summary>
[CatalogLoss(Scheme = NegativeScheme.UniformPerRow, Negatives = 1, HiddenSize = 64, Element = ElementType.BFloat16, Correction = LogQCorrection.None, Reduction = LossReduction.Mean)]
[PerRowTile(Warps = 2, RowsPerGroup = 2, ItemsInFlight = 1, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 2, RowsPerGroup = 2, ItemsInFlight = 1)]
public sealed partial class UniformPerRowBf16SingleNegativeLoss;

/// <summary>Explicit, Float32, correction None, reduction Mean, D = 32.</summary>
[CatalogLoss(Scheme = NegativeScheme.Explicit, Negatives = 5, HiddenSize = 32, Element = ElementType.Float32, Correction = LogQCorrection.None, Reduction = LossReduction.Mean)]
[PerRowTile(Warps = 2, RowsPerGroup = 4, ItemsInFlight = 2, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 2, RowsPerGroup = 4, ItemsInFlight = 2)]
public sealed partial class ExplicitF32NoneMeanLoss;

/// <summary>Explicit, Float32, correction None, reduction Sum, D = 96.</summary>
[CatalogLoss(Scheme = NegativeScheme.Explicit, Negatives = 5, HiddenSize = 96, Element = ElementType.Float32, Correction = LogQCorrection.None, Reduction = LossReduction.Sum)]
[PerRowTile(Warps = 1, RowsPerGroup = 3, ItemsInFlight = 1, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 1, RowsPerGroup = 3, ItemsInFlight = 1)]
public sealed partial class ExplicitF32NoneSumLoss;

/// <summary>Explicit, Float32, correction None, reduction None, D = 160.</summary>
[CatalogLoss(Scheme = NegativeScheme.Explicit, Negatives = 5, HiddenSize = 160, Element = ElementType.Float32, Correction = LogQCorrection.None, Reduction = LossReduction.None)]
[PerRowTile(Warps = 4, RowsPerGroup = 8, ItemsInFlight = 4, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 4, RowsPerGroup = 8, ItemsInFlight = 4)]
public sealed partial class ExplicitF32NoneNoneLoss;

/// <summary>Explicit, Float32, correction Paper, reduction Mean, D = 32.</summary>
[CatalogLoss(Scheme = NegativeScheme.Explicit, Negatives = 5, HiddenSize = 32, Element = ElementType.Float32, Correction = LogQCorrection.Paper, Reduction = LossReduction.Mean)]
[PerRowTile(Warps = 2, RowsPerGroup = 4, ItemsInFlight = 2, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 2, RowsPerGroup = 4, ItemsInFlight = 2)]
public sealed partial class ExplicitF32PaperMeanLoss;

/// <summary>Explicit, Float32, correction Paper, reduction Sum, D = 96.</summary>
[CatalogLoss(Scheme = NegativeScheme.Explicit, Negatives = 5, HiddenSize = 96, Element = ElementType.Float32, Correction = LogQCorrection.Paper, Reduction = LossReduction.Sum)]
[PerRowTile(Warps = 1, RowsPerGroup = 3, ItemsInFlight = 1, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 1, RowsPerGroup = 3, ItemsInFlight = 1)]
public sealed partial class ExplicitF32PaperSumLoss;

/// <summary>Explicit, Float32, correction Paper, reduction None, D = 160.</summary>
[CatalogLoss(Scheme = NegativeScheme.Explicit, Negatives = 5, HiddenSize = 160, Element = ElementType.Float32, Correction = LogQCorrection.Paper, Reduction = LossReduction.None)]
[PerRowTile(Warps = 4, RowsPerGroup = 8, ItemsInFlight = 4, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 4, RowsPerGroup = 8, ItemsInFlight = 4)]
public sealed partial class ExplicitF32PaperNoneLoss;

/// <summary>Explicit, Float16, correction None, reduction Mean, D = 64.</summary>
[CatalogLoss(Scheme = NegativeScheme.Explicit, Negatives = 5, HiddenSize = 64, Element = ElementType.Float16, Correction = LogQCorrection.None, Reduction = LossReduction.Mean)]
[PerRowTile(Warps = 2, RowsPerGroup = 4, ItemsInFlight = 4, Pipeline = PerRowPipeline.Sorted, LanesPerItem = 4)]
[PerRowTile(Warps = 2, RowsPerGroup = 4, ItemsInFlight = 2)]
public sealed partial class ExplicitF16NoneMeanLoss;

/// <summary>Explicit, Float16, correction None, reduction Sum, D = 40.</summary>
[CatalogLoss(Scheme = NegativeScheme.Explicit, Negatives = 5, HiddenSize = 40, Element = ElementType.Float16, Correction = LogQCorrection.None, Reduction = LossReduction.Sum)]
[PerRowTile(Warps = 1, RowsPerGroup = 3, ItemsInFlight = 1, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 1, RowsPerGroup = 3, ItemsInFlight = 1)]
public sealed partial class ExplicitF16NoneSumLoss;

/// <summary>Explicit, Float16, correction None, reduction None, D = 128.</summary>
[CatalogLoss(Scheme = NegativeScheme.Explicit, Negatives = 5, HiddenSize = 128, Element = ElementType.Float16, Correction = LogQCorrection.None, Reduction = LossReduction.None)]
[PerRowTile(Warps = 4, RowsPerGroup = 8, ItemsInFlight = 4, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 4, RowsPerGroup = 8, ItemsInFlight = 4)]
public sealed partial class ExplicitF16NoneNoneLoss;

/// <summary>Explicit, Float16, correction Paper, reduction Mean, D = 64.</summary>
[CatalogLoss(Scheme = NegativeScheme.Explicit, Negatives = 5, HiddenSize = 64, Element = ElementType.Float16, Correction = LogQCorrection.Paper, Reduction = LossReduction.Mean)]
[PerRowTile(Warps = 2, RowsPerGroup = 4, ItemsInFlight = 2, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 2, RowsPerGroup = 4, ItemsInFlight = 2)]
public sealed partial class ExplicitF16PaperMeanLoss;

/// <summary>Explicit, Float16, correction Paper, reduction Sum, D = 40.</summary>
[CatalogLoss(Scheme = NegativeScheme.Explicit, Negatives = 5, HiddenSize = 40, Element = ElementType.Float16, Correction = LogQCorrection.Paper, Reduction = LossReduction.Sum)]
[PerRowTile(Warps = 1, RowsPerGroup = 3, ItemsInFlight = 1, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 1, RowsPerGroup = 3, ItemsInFlight = 1)]
public sealed partial class ExplicitF16PaperSumLoss;

/// <summary>Explicit, Float16, correction Paper, reduction None, D = 128.</summary>
[CatalogLoss(Scheme = NegativeScheme.Explicit, Negatives = 5, HiddenSize = 128, Element = ElementType.Float16, Correction = LogQCorrection.Paper, Reduction = LossReduction.None)]
[PerRowTile(Warps = 4, RowsPerGroup = 8, ItemsInFlight = 4, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 4, RowsPerGroup = 8, ItemsInFlight = 4)]
public sealed partial class ExplicitF16PaperNoneLoss;

/// <summary>Explicit, BFloat16, correction None, reduction Mean, D = 64.</summary>
[CatalogLoss(Scheme = NegativeScheme.Explicit, Negatives = 5, HiddenSize = 64, Element = ElementType.BFloat16, Correction = LogQCorrection.None, Reduction = LossReduction.Mean)]
[PerRowTile(Warps = 2, RowsPerGroup = 4, ItemsInFlight = 2, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 2, RowsPerGroup = 4, ItemsInFlight = 2)]
public sealed partial class ExplicitBf16NoneMeanLoss;

/// <summary>Explicit, BFloat16, correction None, reduction Sum, D = 40.</summary>
[CatalogLoss(Scheme = NegativeScheme.Explicit, Negatives = 5, HiddenSize = 40, Element = ElementType.BFloat16, Correction = LogQCorrection.None, Reduction = LossReduction.Sum)]
[PerRowTile(Warps = 1, RowsPerGroup = 3, ItemsInFlight = 1, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 1, RowsPerGroup = 3, ItemsInFlight = 1)]
public sealed partial class ExplicitBf16NoneSumLoss;

/// <summary>Explicit, BFloat16, correction None, reduction None, D = 128.</summary>
[CatalogLoss(Scheme = NegativeScheme.Explicit, Negatives = 5, HiddenSize = 128, Element = ElementType.BFloat16, Correction = LogQCorrection.None, Reduction = LossReduction.None)]
[PerRowTile(Warps = 4, RowsPerGroup = 8, ItemsInFlight = 4, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 4, RowsPerGroup = 8, ItemsInFlight = 4)]
public sealed partial class ExplicitBf16NoneNoneLoss;

/// <summary>Explicit, BFloat16, correction Paper, reduction Mean, D = 64.</summary>
[CatalogLoss(Scheme = NegativeScheme.Explicit, Negatives = 5, HiddenSize = 64, Element = ElementType.BFloat16, Correction = LogQCorrection.Paper, Reduction = LossReduction.Mean)]
[PerRowTile(Warps = 2, RowsPerGroup = 4, ItemsInFlight = 2, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 2, RowsPerGroup = 4, ItemsInFlight = 2)]
public sealed partial class ExplicitBf16PaperMeanLoss;

/// <summary>Explicit, BFloat16, correction Paper, reduction Sum, D = 40.</summary>
[CatalogLoss(Scheme = NegativeScheme.Explicit, Negatives = 5, HiddenSize = 40, Element = ElementType.BFloat16, Correction = LogQCorrection.Paper, Reduction = LossReduction.Sum)]
[PerRowTile(Warps = 1, RowsPerGroup = 3, ItemsInFlight = 1, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 1, RowsPerGroup = 3, ItemsInFlight = 1)]
public sealed partial class ExplicitBf16PaperSumLoss;

/// <summary>Explicit, BFloat16, correction Paper, reduction None, D = 128.</summary>
[CatalogLoss(Scheme = NegativeScheme.Explicit, Negatives = 5, HiddenSize = 128, Element = ElementType.BFloat16, Correction = LogQCorrection.Paper, Reduction = LossReduction.None)]
[PerRowTile(Warps = 4, RowsPerGroup = 8, ItemsInFlight = 4, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 4, RowsPerGroup = 8, ItemsInFlight = 4)]
public sealed partial class ExplicitBf16PaperNoneLoss;

/// <summary>Explicit, Float32, K = 1.</summary>
[CatalogLoss(Scheme = NegativeScheme.Explicit, Negatives = 1, HiddenSize = 32, Element = ElementType.Float32, Correction = LogQCorrection.None, Reduction = LossReduction.Mean)]
[PerRowTile(Warps = 2, RowsPerGroup = 2, ItemsInFlight = 1, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 2, RowsPerGroup = 2, ItemsInFlight = 1)]
public sealed partial class ExplicitF32SingleNegativeLoss;

/// <summary>Explicit, Float16, K = 1.</summary>
[CatalogLoss(Scheme = NegativeScheme.Explicit, Negatives = 1, HiddenSize = 64, Element = ElementType.Float16, Correction = LogQCorrection.None, Reduction = LossReduction.Mean)]
[PerRowTile(Warps = 2, RowsPerGroup = 2, ItemsInFlight = 1, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 2, RowsPerGroup = 2, ItemsInFlight = 1)]
public sealed partial class ExplicitF16SingleNegativeLoss;

/// <summary>Explicit, BFloat16, K = 1.</summary>
[CatalogLoss(Scheme = NegativeScheme.Explicit, Negatives = 1, HiddenSize = 64, Element = ElementType.BFloat16, Correction = LogQCorrection.None, Reduction = LossReduction.Mean)]
[PerRowTile(Warps = 2, RowsPerGroup = 2, ItemsInFlight = 1, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 2, RowsPerGroup = 2, ItemsInFlight = 1)]
public sealed partial class ExplicitBf16SingleNegativeLoss;

/// <summary>UniformPerRow, Float16 inputs with an fp32 hidden-state gradient.</summary>
[CatalogLoss(Scheme = NegativeScheme.UniformPerRow, Negatives = 7, HiddenSize = 64, Element = ElementType.Float16, Correction = LogQCorrection.LogQ, Reduction = LossReduction.Mean, HiddenGradient = GradientPrecision.Float32)]
[PerRowTile(Warps = 2, RowsPerGroup = 4, ItemsInFlight = 2, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 2, RowsPerGroup = 4, ItemsInFlight = 2)]
public sealed partial class UniformPerRowF16Float32GradientLoss;

/// <summary>UniformPerRow, BFloat16 inputs with an fp32 hidden-state gradient.</summary>
[CatalogLoss(Scheme = NegativeScheme.UniformPerRow, Negatives = 7, HiddenSize = 64, Element = ElementType.BFloat16, Correction = LogQCorrection.LogQ, Reduction = LossReduction.Mean, HiddenGradient = GradientPrecision.Float32)]
[PerRowTile(Warps = 2, RowsPerGroup = 4, ItemsInFlight = 2, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 2, RowsPerGroup = 4, ItemsInFlight = 2)]
public sealed partial class UniformPerRowBf16Float32GradientLoss;

/// <summary>Popularity, Float32, correction None, reduction Mean, D = 32.</summary>
[CatalogLoss(Scheme = NegativeScheme.Popularity, Negatives = 7, HiddenSize = 32, Element = ElementType.Float32, Correction = LogQCorrection.None, Reduction = LossReduction.Mean)]
[PerRowTile(Warps = 2, RowsPerGroup = 4, ItemsInFlight = 2, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 2, RowsPerGroup = 4, ItemsInFlight = 2)]
public sealed partial class PopularityF32NoneMeanLoss;

/// <summary>Popularity, Float32, correction None, reduction Sum, D = 96.</summary>
[CatalogLoss(Scheme = NegativeScheme.Popularity, Negatives = 7, HiddenSize = 96, Element = ElementType.Float32, Correction = LogQCorrection.None, Reduction = LossReduction.Sum)]
[PerRowTile(Warps = 1, RowsPerGroup = 3, ItemsInFlight = 1, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 1, RowsPerGroup = 3, ItemsInFlight = 1)]
public sealed partial class PopularityF32NoneSumLoss;

/// <summary>Popularity, Float32, correction None, reduction None, D = 160.</summary>
[CatalogLoss(Scheme = NegativeScheme.Popularity, Negatives = 7, HiddenSize = 160, Element = ElementType.Float32, Correction = LogQCorrection.None, Reduction = LossReduction.None)]
[PerRowTile(Warps = 4, RowsPerGroup = 8, ItemsInFlight = 4, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 4, RowsPerGroup = 8, ItemsInFlight = 4)]
public sealed partial class PopularityF32NoneNoneLoss;

/// <summary>Popularity, Float32, correction LogQ, reduction Mean, D = 32.</summary>
[CatalogLoss(Scheme = NegativeScheme.Popularity, Negatives = 7, HiddenSize = 32, Element = ElementType.Float32, Correction = LogQCorrection.LogQ, Reduction = LossReduction.Mean)]
[PerRowTile(Warps = 2, RowsPerGroup = 4, ItemsInFlight = 2, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 2, RowsPerGroup = 4, ItemsInFlight = 2)]
public sealed partial class PopularityF32LogQMeanLoss;

/// <summary>Popularity, Float32, correction LogQ, reduction Sum, D = 96.</summary>
[CatalogLoss(Scheme = NegativeScheme.Popularity, Negatives = 7, HiddenSize = 96, Element = ElementType.Float32, Correction = LogQCorrection.LogQ, Reduction = LossReduction.Sum)]
[PerRowTile(Warps = 1, RowsPerGroup = 3, ItemsInFlight = 1, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 1, RowsPerGroup = 3, ItemsInFlight = 1)]
public sealed partial class PopularityF32LogQSumLoss;

/// <summary>Popularity, Float32, correction LogQ, reduction None, D = 160.</summary>
[CatalogLoss(Scheme = NegativeScheme.Popularity, Negatives = 7, HiddenSize = 160, Element = ElementType.Float32, Correction = LogQCorrection.LogQ, Reduction = LossReduction.None)]
[PerRowTile(Warps = 4, RowsPerGroup = 8, ItemsInFlight = 4, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 4, RowsPerGroup = 8, ItemsInFlight = 4)]
public sealed partial class PopularityF32LogQNoneLoss;

/// <summary>Popularity, Float16, correction None, reduction Mean, D = 64.</summary>
[CatalogLoss(Scheme = NegativeScheme.Popularity, Negatives = 7, HiddenSize = 64, Element = ElementType.Float16, Correction = LogQCorrection.None, Reduction = LossReduction.Mean)]
[PerRowTile(Warps = 2, RowsPerGroup = 4, ItemsInFlight = 2, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 2, RowsPerGroup = 4, ItemsInFlight = 2)]
public sealed partial class PopularityF16NoneMeanLoss;

/// <summary>Popularity, Float16, correction None, reduction Sum, D = 40.</summary>
[CatalogLoss(Scheme = NegativeScheme.Popularity, Negatives = 7, HiddenSize = 40, Element = ElementType.Float16, Correction = LogQCorrection.None, Reduction = LossReduction.Sum)]
[PerRowTile(Warps = 1, RowsPerGroup = 3, ItemsInFlight = 1, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 1, RowsPerGroup = 3, ItemsInFlight = 1)]
public sealed partial class PopularityF16NoneSumLoss;

/// <summary>Popularity, Float16, correction None, reduction None, D = 128.</summary>
[CatalogLoss(Scheme = NegativeScheme.Popularity, Negatives = 7, HiddenSize = 128, Element = ElementType.Float16, Correction = LogQCorrection.None, Reduction = LossReduction.None)]
[PerRowTile(Warps = 4, RowsPerGroup = 8, ItemsInFlight = 4, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 4, RowsPerGroup = 8, ItemsInFlight = 4)]
public sealed partial class PopularityF16NoneNoneLoss;

/// <summary>Popularity, Float16, correction LogQ, reduction Mean, D = 64.</summary>
[CatalogLoss(Scheme = NegativeScheme.Popularity, Negatives = 7, HiddenSize = 64, Element = ElementType.Float16, Correction = LogQCorrection.LogQ, Reduction = LossReduction.Mean)]
[PerRowTile(Warps = 2, RowsPerGroup = 4, ItemsInFlight = 2, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 2, RowsPerGroup = 4, ItemsInFlight = 2)]
public sealed partial class PopularityF16LogQMeanLoss;

/// <summary>Popularity, Float16, correction LogQ, reduction Sum, D = 40.</summary>
[CatalogLoss(Scheme = NegativeScheme.Popularity, Negatives = 7, HiddenSize = 40, Element = ElementType.Float16, Correction = LogQCorrection.LogQ, Reduction = LossReduction.Sum)]
[PerRowTile(Warps = 1, RowsPerGroup = 3, ItemsInFlight = 1, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 1, RowsPerGroup = 3, ItemsInFlight = 1)]
public sealed partial class PopularityF16LogQSumLoss;

/// <summary>Popularity, Float16, correction LogQ, reduction None, D = 128.</summary>
[CatalogLoss(Scheme = NegativeScheme.Popularity, Negatives = 7, HiddenSize = 128, Element = ElementType.Float16, Correction = LogQCorrection.LogQ, Reduction = LossReduction.None)]
[PerRowTile(Warps = 4, RowsPerGroup = 8, ItemsInFlight = 4, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 4, RowsPerGroup = 8, ItemsInFlight = 4)]
public sealed partial class PopularityF16LogQNoneLoss;

/// <summary>Popularity, BFloat16, correction None, reduction Mean, D = 64.</summary>
[CatalogLoss(Scheme = NegativeScheme.Popularity, Negatives = 7, HiddenSize = 64, Element = ElementType.BFloat16, Correction = LogQCorrection.None, Reduction = LossReduction.Mean)]
[PerRowTile(Warps = 2, RowsPerGroup = 4, ItemsInFlight = 2, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 2, RowsPerGroup = 4, ItemsInFlight = 2)]
public sealed partial class PopularityBf16NoneMeanLoss;

/// <summary>Popularity, BFloat16, correction None, reduction Sum, D = 40.</summary>
[CatalogLoss(Scheme = NegativeScheme.Popularity, Negatives = 7, HiddenSize = 40, Element = ElementType.BFloat16, Correction = LogQCorrection.None, Reduction = LossReduction.Sum)]
[PerRowTile(Warps = 1, RowsPerGroup = 3, ItemsInFlight = 1, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 1, RowsPerGroup = 3, ItemsInFlight = 1)]
public sealed partial class PopularityBf16NoneSumLoss;

/// <summary>Popularity, BFloat16, correction None, reduction None, D = 128.</summary>
[CatalogLoss(Scheme = NegativeScheme.Popularity, Negatives = 7, HiddenSize = 128, Element = ElementType.BFloat16, Correction = LogQCorrection.None, Reduction = LossReduction.None)]
[PerRowTile(Warps = 4, RowsPerGroup = 8, ItemsInFlight = 4, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 4, RowsPerGroup = 8, ItemsInFlight = 4)]
public sealed partial class PopularityBf16NoneNoneLoss;

/// <summary>Popularity, BFloat16, correction LogQ, reduction Mean, D = 64.</summary>
[CatalogLoss(Scheme = NegativeScheme.Popularity, Negatives = 7, HiddenSize = 64, Element = ElementType.BFloat16, Correction = LogQCorrection.LogQ, Reduction = LossReduction.Mean)]
[PerRowTile(Warps = 2, RowsPerGroup = 4, ItemsInFlight = 2, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 2, RowsPerGroup = 4, ItemsInFlight = 2)]
public sealed partial class PopularityBf16LogQMeanLoss;

/// <summary>Popularity, BFloat16, correction LogQ, reduction Sum, D = 40.</summary>
[CatalogLoss(Scheme = NegativeScheme.Popularity, Negatives = 7, HiddenSize = 40, Element = ElementType.BFloat16, Correction = LogQCorrection.LogQ, Reduction = LossReduction.Sum)]
[PerRowTile(Warps = 1, RowsPerGroup = 3, ItemsInFlight = 1, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 1, RowsPerGroup = 3, ItemsInFlight = 1)]
public sealed partial class PopularityBf16LogQSumLoss;

/// <summary>Popularity, BFloat16, correction LogQ, reduction None, D = 128.</summary>
[CatalogLoss(Scheme = NegativeScheme.Popularity, Negatives = 7, HiddenSize = 128, Element = ElementType.BFloat16, Correction = LogQCorrection.LogQ, Reduction = LossReduction.None)]
[PerRowTile(Warps = 4, RowsPerGroup = 8, ItemsInFlight = 4, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 4, RowsPerGroup = 8, ItemsInFlight = 4)]
public sealed partial class PopularityBf16LogQNoneLoss;

/// <summary>Popularity, Float32, K = 1.</summary>
[CatalogLoss(Scheme = NegativeScheme.Popularity, Negatives = 1, HiddenSize = 32, Element = ElementType.Float32, Correction = LogQCorrection.LogQ, Reduction = LossReduction.Mean)]
[PerRowTile(Warps = 2, RowsPerGroup = 2, ItemsInFlight = 1, Pipeline = PerRowPipeline.Sorted)]
[PerRowTile(Warps = 2, RowsPerGroup = 2, ItemsInFlight = 1)]
public sealed partial class PopularityF32SingleNegativeLoss;

// Deterministic gradients: fixed-point dW sums with the positives in their items' segments, for each scheme, both
// draw paths (four slots per generator call, and one) and a sub-group layout with several items per warp.

/// <summary>UniformPerRow, Float16, correction Paper, reduction Mean, D = 64, deterministic gradients.</summary>
[CatalogLoss(Scheme = NegativeScheme.UniformPerRow, Negatives = 9, HiddenSize = 64, Element = ElementType.Float16, Correction = LogQCorrection.Paper, Reduction = LossReduction.Mean, DeterministicGradients = true)]
[PerRowTile(Warps = 2, RowsPerGroup = 2, ItemsInFlight = 4, Pipeline = PerRowPipeline.Sorted, LanesPerItem = 2)]
[PerRowTile(Warps = 4, RowsPerGroup = 4, ItemsInFlight = 2, Pipeline = PerRowPipeline.Sorted)]
public sealed partial class UniformPerRowF16PaperMeanDeterministicLoss;

/// <summary>Explicit, BFloat16, correction None, reduction None, D = 96, fp32 dH, deterministic gradients.</summary>
[CatalogLoss(Scheme = NegativeScheme.Explicit, Negatives = 5, HiddenSize = 96, Element = ElementType.BFloat16, Correction = LogQCorrection.None, Reduction = LossReduction.None, HiddenGradient = GradientPrecision.Float32, DeterministicGradients = true)]
[PerRowTile(Warps = 1, RowsPerGroup = 3, ItemsInFlight = 1, Pipeline = PerRowPipeline.Sorted)]
public sealed partial class ExplicitBf16NoneNoneDeterministicLoss;

/// <summary>Popularity, Float32, correction LogQ, reduction Sum, D = 40, deterministic gradients.</summary>
[CatalogLoss(Scheme = NegativeScheme.Popularity, Negatives = 7, HiddenSize = 40, Element = ElementType.Float32, Correction = LogQCorrection.LogQ, Reduction = LossReduction.Sum, DeterministicGradients = true)]
[PerRowTile(Warps = 2, RowsPerGroup = 4, ItemsInFlight = 2, Pipeline = PerRowPipeline.Sorted)]
public sealed partial class PopularityF32LogQSumDeterministicLoss;

// FullCatalog: every item is a candidate, run by the matrix family. Each element type with each reduction, D = 64
// and 256, two tile candidates (the item tile not dividing the cases' catalogs, the row block not dividing their rows),
// and fp32 gradients of 16-bit inputs. Some 16-bit losses add warpgroup candidates (Hopper only: a GPU of another
// architecture skips them): fp16 and bf16, D = 64 and 256, one to four warpgroups, streamed tiles of 16 to 256 items,
// 2 to 4 stages, fp32 dH and the gradient filter, and the default candidates of the benchmark presets.

/// <summary>FullCatalog, Float32, reduction Mean, D = 64.</summary>
[CatalogLoss(Scheme = NegativeScheme.FullCatalog, HiddenSize = 64, Element = ElementType.Float32, Reduction = LossReduction.Mean)]
[MatrixTile(Rows = 64, Items = 64, DStep = 64, Warps = 4, Stages = 2)]
[MatrixTile(Rows = 32, Items = 32, DStep = 32, Warps = 2, Stages = 3)]
public sealed partial class FullCatalogF32MeanLoss;

/// <summary>FullCatalog, Float32, reduction Sum, D = 256.</summary>
[CatalogLoss(Scheme = NegativeScheme.FullCatalog, HiddenSize = 256, Element = ElementType.Float32, Reduction = LossReduction.Sum)]
[MatrixTile(Rows = 64, Items = 64, DStep = 64, Warps = 4, Stages = 2)]
[MatrixTile(Rows = 32, Items = 32, DStep = 32, Warps = 2, Stages = 3)]
public sealed partial class FullCatalogF32SumLoss;

/// <summary>FullCatalog, Float32, reduction None, D = 64.</summary>
[CatalogLoss(Scheme = NegativeScheme.FullCatalog, HiddenSize = 64, Element = ElementType.Float32, Reduction = LossReduction.None)]
[MatrixTile(Rows = 64, Items = 64, DStep = 64, Warps = 4, Stages = 2)]
[MatrixTile(Rows = 32, Items = 32, DStep = 32, Warps = 2, Stages = 3)]
public sealed partial class FullCatalogF32NoneLoss;

/// <summary>FullCatalog, Float16, reduction Mean, D = 256.</summary>
[CatalogLoss(Scheme = NegativeScheme.FullCatalog, HiddenSize = 256, Element = ElementType.Float16, Reduction = LossReduction.Mean)]
[MatrixTile(Rows = 64, Items = 64, DStep = 64, Warps = 4, Stages = 2)]
[MatrixTile(Rows = 32, Items = 32, DStep = 32, Warps = 2, Stages = 3)]
[MatrixTile(Rows = 128, Items = 128, DStep = 256, Warps = 8, Stages = 2, WarpGroups = true)]
[MatrixTile(Rows = 64, Items = 48, DStep = 256, Warps = 4, Stages = 3, WarpGroups = true)]
public sealed partial class FullCatalogF16MeanLoss;

/// <summary>FullCatalog, Float16, reduction Sum, D = 64.</summary>
[CatalogLoss(Scheme = NegativeScheme.FullCatalog, HiddenSize = 64, Element = ElementType.Float16, Reduction = LossReduction.Sum)]
[MatrixTile(Rows = 64, Items = 64, DStep = 64, Warps = 4, Stages = 2)]
[MatrixTile(Rows = 32, Items = 32, DStep = 32, Warps = 2, Stages = 3)]
[MatrixTile(Rows = 256, Items = 128, DStep = 64, Warps = 16, Stages = 2, WarpGroups = true)]
public sealed partial class FullCatalogF16SumLoss;

/// <summary>FullCatalog, Float16, reduction None, D = 256.</summary>
[CatalogLoss(Scheme = NegativeScheme.FullCatalog, HiddenSize = 256, Element = ElementType.Float16, Reduction = LossReduction.None)]
[MatrixTile(Rows = 64, Items = 64, DStep = 64, Warps = 4, Stages = 2)]
[MatrixTile(Rows = 32, Items = 32, DStep = 32, Warps = 2, Stages = 3)]
public sealed partial class FullCatalogF16NoneLoss;

/// <summary>FullCatalog, BFloat16, reduction Mean, D = 64.</summary>
[CatalogLoss(Scheme = NegativeScheme.FullCatalog, HiddenSize = 64, Element = ElementType.BFloat16, Reduction = LossReduction.Mean)]
[MatrixTile(Rows = 64, Items = 64, DStep = 64, Warps = 4, Stages = 2)]
[MatrixTile(Rows = 32, Items = 32, DStep = 32, Warps = 2, Stages = 3)]
[MatrixTile(Rows = 128, Items = 256, DStep = 64, Warps = 8, Stages = 2, WarpGroups = true)]
[MatrixTile(Rows = 192, Items = 16, DStep = 64, Warps = 12, Stages = 4, WarpGroups = true)]
public sealed partial class FullCatalogBf16MeanLoss;

/// <summary>FullCatalog, BFloat16, reduction Sum, D = 256.</summary>
[CatalogLoss(Scheme = NegativeScheme.FullCatalog, HiddenSize = 256, Element = ElementType.BFloat16, Reduction = LossReduction.Sum)]
[MatrixTile(Rows = 64, Items = 64, DStep = 64, Warps = 4, Stages = 2)]
[MatrixTile(Rows = 32, Items = 32, DStep = 32, Warps = 2, Stages = 3)]
[MatrixTile(Rows = 128, Items = 64, DStep = 256, Warps = 8, Stages = 3, WarpGroups = true)]
public sealed partial class FullCatalogBf16SumLoss;

/// <summary>FullCatalog, BFloat16, reduction None, D = 64.</summary>
[CatalogLoss(Scheme = NegativeScheme.FullCatalog, HiddenSize = 64, Element = ElementType.BFloat16, Reduction = LossReduction.None)]
[MatrixTile(Rows = 64, Items = 64, DStep = 64, Warps = 4, Stages = 2)]
[MatrixTile(Rows = 32, Items = 32, DStep = 32, Warps = 2, Stages = 3)]
public sealed partial class FullCatalogBf16NoneLoss;

/// <summary>FullCatalog, Float16 with fp32 dH, reduction Mean, D = 64.</summary>
[CatalogLoss(Scheme = NegativeScheme.FullCatalog, HiddenSize = 64, Element = ElementType.Float16, Reduction = LossReduction.Mean, HiddenGradient = GradientPrecision.Float32)]
[MatrixTile(Rows = 64, Items = 64, DStep = 64, Warps = 4, Stages = 2)]
[MatrixTile(Rows = 128, Items = 128, DStep = 64, Warps = 8, Stages = 2, WarpGroups = true)]
public sealed partial class FullCatalogF16Fp32GradLoss;

/// <summary>FullCatalog, BFloat16 with fp32 dH, reduction Mean, D = 64.</summary>
[CatalogLoss(Scheme = NegativeScheme.FullCatalog, HiddenSize = 64, Element = ElementType.BFloat16, Reduction = LossReduction.Mean, HiddenGradient = GradientPrecision.Float32)]
[MatrixTile(Rows = 64, Items = 64, DStep = 64, Warps = 4, Stages = 2)]
public sealed partial class FullCatalogBf16Fp32GradLoss;

// FullCatalog with a gradient filter: the threshold sits among the cases' probabilities (about 1/V), so the portable
// kernels leave out many terms and the tensor-core kernels some tiles; both must stay within the filter's slack.

/// <summary>FullCatalog, Float16, reduction Mean, D = 64, gradient filter 2e-3.</summary>
[CatalogLoss(Scheme = NegativeScheme.FullCatalog, HiddenSize = 64, Element = ElementType.Float16, Reduction = LossReduction.Mean, GradientFilter = 2e-3f)]
[MatrixTile(Rows = 64, Items = 64, DStep = 64, Warps = 4, Stages = 2)]
[MatrixTile(Rows = 32, Items = 32, DStep = 32, Warps = 2, Stages = 3)]
[MatrixTile(Rows = 128, Items = 128, DStep = 64, Warps = 8, Stages = 2, WarpGroups = true)]
public sealed partial class FullCatalogF16FilteredLoss;

/// <summary>FullCatalog, BFloat16, reduction None, D = 256, gradient filter 2e-3.</summary>
[CatalogLoss(Scheme = NegativeScheme.FullCatalog, HiddenSize = 256, Element = ElementType.BFloat16, Reduction = LossReduction.None, GradientFilter = 2e-3f)]
[MatrixTile(Rows = 64, Items = 64, DStep = 64, Warps = 4, Stages = 2)]
[MatrixTile(Rows = 128, Items = 128, DStep = 256, Warps = 8, Stages = 2, WarpGroups = true)]
public sealed partial class FullCatalogBf16FilteredLoss;

// FullCatalog fp32 with TF32 allowed: the tensor-core kernels round H, W and the probabilities to TF32; the portable
// kernels stay exact, so both meet the TF32 bound.

/// <summary>FullCatalog, Float32 as TF32, reduction Mean, D = 64.</summary>
[CatalogLoss(Scheme = NegativeScheme.FullCatalog, HiddenSize = 64, Element = ElementType.Float32, Reduction = LossReduction.Mean, AllowTensorFloat32 = true)]
[MatrixTile(Rows = 64, Items = 64, DStep = 64, Warps = 4, Stages = 2)]
[MatrixTile(Rows = 32, Items = 32, DStep = 32, Warps = 2, Stages = 3)]
public sealed partial class FullCatalogTf32MeanLoss;

/// <summary>FullCatalog, Float32 as TF32, reduction None, D = 256, with a gradient filter.</summary>
[CatalogLoss(Scheme = NegativeScheme.FullCatalog, HiddenSize = 256, Element = ElementType.Float32, Reduction = LossReduction.None, AllowTensorFloat32 = true, GradientFilter = 2e-3f)]
[MatrixTile(Rows = 64, Items = 64, DStep = 32, Warps = 4, Stages = 2)]
[MatrixTile(Rows = 32, Items = 32, DStep = 16, Warps = 2, Stages = 3)]
public sealed partial class FullCatalogTf32FilteredLoss;

// SharedUniform: one set of K draws per group of rows. The cases' row counts (67, 33, 9) are not multiples of 8, so the
// last group is short; K = 31 exceeds the tiny catalog's three items; a group of one row is per-row sampling.

/// <summary>SharedUniform, Float32, reduction Mean, K = 31, one group per call, D = 64.</summary>
[CatalogLoss(Scheme = NegativeScheme.SharedUniform, Negatives = 31, HiddenSize = 64, Element = ElementType.Float32, Reduction = LossReduction.Mean)]
public sealed partial class SharedUniformF32MeanLoss;

/// <summary>SharedUniform, Float16, reduction Sum, LogQ, K = 16, groups of 8 rows, D = 48.</summary>
[CatalogLoss(Scheme = NegativeScheme.SharedUniform, Negatives = 16, GroupRows = 8, HiddenSize = 48, Element = ElementType.Float16, Correction = LogQCorrection.LogQ, Reduction = LossReduction.Sum)]
public sealed partial class SharedUniformF16LogQSumLoss;

/// <summary>
/// SharedUniform, Float16, reduction Mean, K = 100 (a part tile), groups of 40 rows (the second group short), D = 128:
/// the staged tiles hold two blocks of 64 elements of D, which the warpgroup candidate lays out apart.
/// </summary>
[CatalogLoss(Scheme = NegativeScheme.SharedUniform, Negatives = 100, GroupRows = 40, HiddenSize = 128, Element = ElementType.Float16, Reduction = LossReduction.Mean)]
public sealed partial class SharedUniformF16D128MeanLoss;

/// <summary>SharedUniform, BFloat16, reduction None, Paper, K = 7, groups of one row, D = 64.</summary>
[CatalogLoss(Scheme = NegativeScheme.SharedUniform, Negatives = 7, GroupRows = 1, HiddenSize = 64, Element = ElementType.BFloat16, Correction = LogQCorrection.Paper, Reduction = LossReduction.None)]
public sealed partial class SharedUniformBf16PaperNoneLoss;

// InBatch: the other rows' positives are the negatives; the tiny catalog makes most of them duplicates of a row's own
// positive, and ignored rows leave empty slots.

/// <summary>InBatch, Float32, reduction Mean, one group per call, D = 64.</summary>
[CatalogLoss(Scheme = NegativeScheme.InBatch, HiddenSize = 64, Element = ElementType.Float32, Reduction = LossReduction.Mean)]
public sealed partial class InBatchF32MeanLoss;

/// <summary>InBatch, Float16, reduction Sum, LogQ from item frequencies, groups of 16 rows, D = 64.</summary>
[CatalogLoss(Scheme = NegativeScheme.InBatch, GroupRows = 16, HiddenSize = 64, Element = ElementType.Float16, Correction = LogQCorrection.LogQ, Reduction = LossReduction.Sum)]
public sealed partial class InBatchF16LogQSumLoss;

/// <summary>InBatch, BFloat16, reduction Mean, LogQ, one group per call, D = 192 (three blocks of 64 for the warpgroup candidate).</summary>
[CatalogLoss(Scheme = NegativeScheme.InBatch, HiddenSize = 192, Element = ElementType.BFloat16, Correction = LogQCorrection.LogQ, Reduction = LossReduction.Mean)]
public sealed partial class InBatchBf16D192LogQMeanLoss;

/// <summary>InBatch, BFloat16, reduction None, groups of 5 rows, D = 32.</summary>
[CatalogLoss(Scheme = NegativeScheme.InBatch, GroupRows = 5, HiddenSize = 32, Element = ElementType.BFloat16, Reduction = LossReduction.None)]
public sealed partial class InBatchBf16NoneLoss;
