namespace Cce.Tuning.Cache;

/// <summary>One key field in which a cache entry differs from what was looked up.</summary>
/// <param name="Field">The field, e.g. "device name", "SM count", "description", "bucket".</param>
/// <param name="Wanted">Its value in the lookup.</param>
/// <param name="Found">Its value in the entry.</param>
public sealed record KeyDifference(string Field, string Wanted, string Found);
