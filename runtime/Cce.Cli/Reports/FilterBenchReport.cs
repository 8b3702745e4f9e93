using Cce.Cli.Benchmarks;

namespace Cce.Cli.Reports;

/// <summary>The JSON form of <c>cce bench --gradient-filter</c>.</summary>
/// <param name="Device">The device timed.</param>
/// <param name="Scale">The factor applied to N and V.</param>
/// <param name="Repetitions">Timed calls per loss after two warm-up calls.</param>
/// <param name="Rows">One row per (preset, logit spread).</param>
internal sealed record FilterBenchReport(string Device, double Scale, int Repetitions, IReadOnlyList<FilterBenchmarkResult> Rows);
