using Cce.Cli.Benchmarks;

namespace Cce.Cli.Reports;

/// <summary>The JSON form of <c>cce bench</c>.</summary>
/// <param name="Device">The device timed.</param>
/// <param name="Scale">The factor applied to N and V.</param>
/// <param name="Rows">One row per (preset, variant).</param>
internal sealed record BenchReport(string Device, double Scale, IReadOnlyList<BenchRow> Rows);

/// <summary>One timed (preset, variant) with its shape and its rival's figure.</summary>
/// <param name="Rows">Rows N timed.</param>
/// <param name="HiddenSize">Hidden size D.</param>
/// <param name="Negatives">Candidates of a row besides its positive: K, or V for the full catalog.</param>
/// <param name="Catalog">Catalog size V timed.</param>
/// <param name="Rival">The implementation compared against, with its time at the full preset on an H200.</param>
/// <param name="Ratio">Rival ms / median ms at full scale; null when the shape was scaled.</param>
/// <param name="Result">The timing.</param>
internal sealed record BenchRow(int Rows, int HiddenSize, int Negatives, int Catalog, BenchmarkRival Rival, double? Ratio, BenchmarkResult Result);
