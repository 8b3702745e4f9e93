using Cce;

namespace QuickStart;

/// <summary>
/// A next-item loss over a 50 000-item catalog: 127 uniform negatives per position, hidden size 64,
/// the logQ correction for uniform sampling. The generator completes this class.
/// </summary>
[CatalogLoss(Scheme = NegativeScheme.UniformPerRow, Negatives = 127, HiddenSize = 64,
                    Element = ElementType.Float32, Correction = LogQCorrection.LogQ)]
[PerRowTile(Warps = 4, RowsPerGroup = 8, ItemsInFlight = 2)]
[PerRowTile(Warps = 8, RowsPerGroup = 16, ItemsInFlight = 4)]
public sealed partial class QuickStartLoss;
