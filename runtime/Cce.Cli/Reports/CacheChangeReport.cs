namespace Cce.Cli.Reports;

/// <summary>The JSON form of <c>cce cache export|import|prune|clear</c>.</summary>
/// <param name="Action">The action run.</param>
/// <param name="Root">The cache folder.</param>
/// <param name="Count">Entries exported, imported or cleared, or files pruned.</param>
/// <param name="File">The bundle written or read, for export and import.</param>
/// <param name="Rejected">Entries an import refused, with the reason.</param>
internal sealed record CacheChangeReport(string Action, string Root, int Count, string? File, IReadOnlyList<string> Rejected);
