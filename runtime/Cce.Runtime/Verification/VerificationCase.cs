namespace Cce.Verification;

/// <summary>The shape and the traps of one set of random verification inputs.</summary>
/// <param name="Name">Short name shown in reports.</param>
/// <param name="Rows">Rows N (pick values that are not a multiple of any tile).</param>
/// <param name="Catalog">Catalog size V (a tiny V forces accidental hits and duplicate draws).</param>
/// <param name="IgnoredFraction">Share of rows whose target is the ignore index.</param>
/// <param name="PlantedHitFraction">Share of explicit negatives set to the row's own positive.</param>
/// <param name="PlantedDuplicateFraction">Share of explicit negatives copied from another slot of the row.</param>
public sealed record VerificationCase(string Name, int Rows, int Catalog, double IgnoredFraction, double PlantedHitFraction, double PlantedDuplicateFraction)
{
    /// <summary>
    /// Factor on the upstream gradients (1 by default). A small one puts g·p, a row's share of the gradient times a
    /// probability, where 1/N and 1/V put it at the sizes users run: below fp16's smallest subnormal.
    /// </summary>
    public double UpstreamScale { get; init; } = 1.0;

    /// <summary>
    /// The standard cases: rows that fill no tile evenly, ignored rows, planted accidental hits and duplicates,
    /// a catalog of three items, and a batch with a single non-ignored row.
    /// </summary>
    public static IReadOnlyList<VerificationCase> Standard { get; } =
    [
        new("odd-rows", 67, 997, 0.1, 0.05, 0.05),
        new("tiny-catalog", 33, 3, 0.1, 0.0, 0.0),
        new("one-valid-row", 9, 50, 8.0 / 9.0, 0.1, 0.1),
    ];
}
