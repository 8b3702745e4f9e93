namespace Cce.Schemes;

/// <summary>What a scheme needs to make the negatives of a synthetic batch (verification and tuning inputs).</summary>
/// <param name="Description">What the kernels were specialised on.</param>
/// <param name="Rows">Rows N.</param>
/// <param name="Catalog">Catalog size V.</param>
/// <param name="Targets">The batch's targets, some the ignore index.</param>
/// <param name="Seed">Seed of every random choice: the host regenerates any negative from it.</param>
/// <param name="PlantedHitFraction">Share of caller-given negatives set to the row's own positive.</param>
/// <param name="PlantedDuplicateFraction">Share of caller-given negatives copied from an earlier slot of the row.</param>
internal sealed record SyntheticBatch(
    LossDescription Description,
    int Rows,
    int Catalog,
    IReadOnlyList<int> Targets,
    ulong Seed,
    double PlantedHitFraction = 0,
    double PlantedDuplicateFraction = 0);
