namespace Cce.Runtime.Tests.Tuning;

/// <summary>A tiny fp32 loss with uniform negatives and three candidates, for tuning tests.</summary>
[CatalogLoss(Scheme = NegativeScheme.UniformPerRow, Negatives = 3, HiddenSize = 32,
                    Element = ElementType.Float32, Correction = LogQCorrection.LogQ)]
[PerRowTile(Warps = 1, RowsPerGroup = 1, ItemsInFlight = 1)]
[PerRowTile(Warps = 2, RowsPerGroup = 2, ItemsInFlight = 2)]
[PerRowTile(Warps = 1, RowsPerGroup = 2, ItemsInFlight = 1)]
public sealed partial class TinyTuneLoss;

/// <summary>A tiny bf16 loss with explicit negatives and an fp32 gradient, for the reference check of other element types.</summary>
[CatalogLoss(Scheme = NegativeScheme.Explicit, Negatives = 3, HiddenSize = 32, Element = ElementType.BFloat16,
                    Reduction = LossReduction.Sum, HiddenGradient = GradientPrecision.Float32)]
[PerRowTile(Warps = 1, RowsPerGroup = 1, ItemsInFlight = 1)]
[PerRowTile(Warps = 2, RowsPerGroup = 4, ItemsInFlight = 2)]
public sealed partial class TinyExplicitLoss;
