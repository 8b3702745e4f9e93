namespace Cce.Tuning.Cache;

/// <summary>An entry near a lookup that missed, and the key fields that set it apart.</summary>
/// <param name="File">The entry.</param>
/// <param name="Differences">Every key field that differs; empty for a hit.</param>
public sealed record CacheNeighbour(CacheFile File, IReadOnlyList<KeyDifference> Differences);
