namespace Cce.Cli.Reports;

/// <summary>The JSON form of <c>cce tune</c>.</summary>
/// <param name="Device">The device tuned.</param>
/// <param name="Cache">The cache folder the picks went to.</param>
/// <param name="Rows">One row per (loss, shape).</param>
internal sealed record TuneReport(string Device, string Cache, IReadOnlyList<TuneRow> Rows);
