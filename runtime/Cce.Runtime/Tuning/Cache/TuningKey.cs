using System.Globalization;
using System.Text.Json.Serialization;

namespace Cce.Tuning.Cache;

/// <summary>
/// The entry half of a cache key, one file per value within an environment: what the kernels were
/// specialised on, which candidates were tried, and the shape bucket.
/// </summary>
/// <param name="Description">The loss description in its canonical text (<see cref="LossDescription.CanonicalText"/>).</param>
/// <param name="Candidates">The tile candidates in the order they were offered.</param>
/// <param name="Bucket">The shape bucket.</param>
public sealed record TuningKey(string Description, IReadOnlyList<KernelTile> Candidates, ShapeBucket Bucket)
{
    /// <summary>The key of <paramref name="description"/> tuned over <paramref name="candidates"/> at <paramref name="rows"/> × <paramref name="catalog"/>.</summary>
    public static TuningKey For(LossDescription description, IReadOnlyList<KernelTile> candidates, long rows, long catalog)
    {
        ArgumentNullException.ThrowIfNull(description);
        return For(description.CanonicalText, candidates, rows, catalog);
    }

    /// <summary>As <see cref="For(LossDescription, IReadOnlyList{KernelTile}, long, long)"/>, from the description's canonical text.</summary>
    public static TuningKey For(string description, IReadOnlyList<KernelTile> candidates, long rows, long catalog)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        ArgumentNullException.ThrowIfNull(candidates);
        if (candidates.Count == 0 || candidates.Any(c => c is null))
        {
            throw new ArgumentException("Expected at least one candidate and no nulls.", nameof(candidates));
        }

        if (candidates.Select(c => c.Family).Distinct().Count() > 1)
        {
            throw new ArgumentException($"Expected candidates of one kernel family; got {string.Join(", ", candidates.Select(c => $"{c} ({c.Family})"))}.", nameof(candidates));
        }

        return new TuningKey(description, [.. candidates], ShapeBucket.For(rows, catalog));
    }

    /// <summary>Short hash of <see cref="Description"/>, which names every field the generator specialised on.</summary>
    public string DescriptionHash => CacheHash.Short(Description);

    /// <summary>Short hash of the ordered candidate list: another order can break ties differently.</summary>
    public string CandidatesHash => CacheHash.Short(CandidateText(Candidates));

    /// <summary>The entry's identity and file name stem, e.g. <c>1f0c…-9ab2…-n4096-v131072</c>.</summary>
    public string Id => string.Create(CultureInfo.InvariantCulture, $"{Family.ToLowerInvariant()}-{DescriptionHash}-{CandidatesHash}-n{Bucket.Rows}-v{Bucket.Catalog}");

    /// <summary>The kernel family of the candidates: part of the file name, so families never share an entry.</summary>
    [JsonIgnore]
    public string Family => Candidates[0].Family;

    /// <summary>The entry's file name in its environment directory.</summary>
    [JsonIgnore]
    public string FileName => Id + CacheFormat.EntryExtension;

    /// <summary>The candidates as one comma-separated line, e.g. <c>w4r8f1,w8r16f2</c>.</summary>
    public static string CandidateText(IEnumerable<KernelTile> candidates) => string.Join(',', candidates);

    /// <summary>Equal when description, candidates (in order) and bucket are.</summary>
    public bool Equals(TuningKey? other) =>
        other is not null
        && Description == other.Description
        && Candidates.SequenceEqual(other.Candidates)
        && Bucket == other.Bucket;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Description, CandidateText(Candidates), Bucket);

    /// <inheritdoc />
    public override string ToString() => $"{Family} | {Description} | {CandidateText(Candidates)} | {Bucket}";
}
