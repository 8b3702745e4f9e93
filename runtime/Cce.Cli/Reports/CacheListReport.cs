using Cce.Tuning.Cache;

namespace Cce.Cli.Reports;

/// <summary>The JSON form of <c>cce cache list</c> and <c>cce cache show</c>.</summary>
/// <param name="Root">The cache folder.</param>
/// <param name="Files">The entries, usable or not.</param>
internal sealed record CacheListReport(string Root, IReadOnlyList<CacheFile> Files);
