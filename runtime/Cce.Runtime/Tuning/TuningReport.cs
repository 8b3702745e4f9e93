using Cce.Tuning.Cache;

namespace Cce;

/// <summary>What <see cref="LossTuner"/> did for one loss and shape.</summary>
/// <param name="Entry">The cached or new entry, whose pick is used.</param>
/// <param name="FromCache">True when the entry was a cache hit and nothing was timed.</param>
/// <param name="Elapsed">Wall time of the lookup and, on a miss, of the tuning.</param>
public sealed record TuningReport(TuningEntry Entry, bool FromCache, TimeSpan Elapsed)
{
    /// <summary>The result of the generator's default candidate, or null when it is not among the results.</summary>
    public CandidateResult? Default(KernelTile defaultTile) => Entry.Results.FirstOrDefault(r => r.Tile == defaultTile);

    /// <summary>The pick's result.</summary>
    public CandidateResult? Picked => Entry.Results.FirstOrDefault(r => r.Tile == Entry.Pick);
}
