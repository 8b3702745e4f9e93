namespace Cce.Runtime.Tests.Losses;

// Small losses for the validation and behaviour tests: fp32 keeps comparisons exact enough to be bitwise,
// and a tiny D and K keep every kernel cheap on the CPU accelerator.

/// <summary>In-kernel uniform sampling, no correction, mean reduction.</summary>
[CatalogLoss(Scheme = NegativeScheme.UniformPerRow, Negatives = 3, HiddenSize = 16, Element = ElementType.Float32, Correction = LogQCorrection.None)]
[PerRowTile(Warps = 1, RowsPerGroup = 2, ItemsInFlight = 1)]
public sealed partial class SampledTestLoss;

/// <summary>Caller-given negatives, no correction, mean reduction.</summary>
[CatalogLoss(Scheme = NegativeScheme.Explicit, Negatives = 3, HiddenSize = 16, Element = ElementType.Float32, Correction = LogQCorrection.None)]
[PerRowTile(Warps = 1, RowsPerGroup = 2, ItemsInFlight = 1)]
public sealed partial class ExplicitTestLoss;

/// <summary>The Paper correction log(V-1) - log(K+1), which needs V ≥ 2.</summary>
[CatalogLoss(Scheme = NegativeScheme.UniformPerRow, Negatives = 3, HiddenSize = 8, Element = ElementType.Float32, Correction = LogQCorrection.Paper)]
[PerRowTile(Warps = 1, RowsPerGroup = 2, ItemsInFlight = 1)]
public sealed partial class PaperTestLoss;

/// <summary>Per-row losses (Reduction = None), the one reduction whose backward takes a per-row upstream gradient.</summary>
[CatalogLoss(Scheme = NegativeScheme.UniformPerRow, Negatives = 3, HiddenSize = 16, Element = ElementType.Float32, Correction = LogQCorrection.None, Reduction = LossReduction.None)]
[PerRowTile(Warps = 1, RowsPerGroup = 2, ItemsInFlight = 1)]
public sealed partial class PerRowUpstreamTestLoss;

/// <summary>The sorted pipeline, for the tests of its chunking, workspace and stages.</summary>
[CatalogLoss(Scheme = NegativeScheme.UniformPerRow, Negatives = 3, HiddenSize = 16, Element = ElementType.Float32, Correction = LogQCorrection.None)]
[PerRowTile(Warps = 1, RowsPerGroup = 2, ItemsInFlight = 1, Pipeline = PerRowPipeline.Sorted)]
public sealed partial class SortedTestLoss;

/// <summary>Deterministic gradients with in-kernel sampling and the default (sorted-only) tile candidates.</summary>
[CatalogLoss(Scheme = NegativeScheme.UniformPerRow, Negatives = 9, HiddenSize = 16, Element = ElementType.Float32, Correction = LogQCorrection.None, DeterministicGradients = true)]
public sealed partial class DeterministicTestLoss;

/// <summary>Deterministic gradients with caller-given negatives, so that a batch can be permuted row for row.</summary>
[CatalogLoss(Scheme = NegativeScheme.Explicit, Negatives = 5, HiddenSize = 16, Element = ElementType.Float32, Correction = LogQCorrection.None, DeterministicGradients = true)]
[PerRowTile(Warps = 1, RowsPerGroup = 2, ItemsInFlight = 2, Pipeline = PerRowPipeline.Sorted)]
public sealed partial class DeterministicExplicitTestLoss;

/// <summary>In-batch negatives with the LogQ correction from item frequencies, groups of 4 rows.</summary>
[CatalogLoss(Scheme = NegativeScheme.InBatch, GroupRows = 4, HiddenSize = 16, Element = ElementType.Float32, Correction = LogQCorrection.LogQ)]
public sealed partial class InBatchLogQTestLoss;

/// <summary>
/// A shared set streamed in many small tiles through three stages: the row pass's ring of slot items and corrections
/// (Stages + 1 tiles) wraps, which the suite's losses (one or two tiles per set, two stages) never make it do.
/// </summary>
[CatalogLoss(Scheme = NegativeScheme.SharedUniform, Negatives = 70, HiddenSize = 64, Element = ElementType.Float16, Correction = LogQCorrection.LogQ, Reduction = LossReduction.Sum)]
[MatrixTile(Rows = 32, Items = 16, DStep = 16, Warps = 2, Stages = 3)]
public sealed partial class SharedRingTestLoss;

/// <summary>In-batch negatives over a call streamed in many small tiles through three stages: the ring wraps with slot items read from the targets.</summary>
[CatalogLoss(Scheme = NegativeScheme.InBatch, HiddenSize = 64, Element = ElementType.Float16, Correction = LogQCorrection.LogQ, Reduction = LossReduction.Sum)]
[MatrixTile(Rows = 32, Items = 16, DStep = 16, Warps = 2, Stages = 3)]
public sealed partial class InBatchRingTestLoss;
