namespace Cce.Tuning.Cache;

/// <summary>Compares a lookup with the entries on disk, field by field.</summary>
internal static class CacheExplainer
{
    /// <summary>Neighbours reported per group: enough to see a pattern, few enough to read.</summary>
    private const int NeighbourCount = 3;

    /// <summary>
    /// Explains a lookup of <paramref name="description"/> at <paramref name="bucket"/> in <paramref name="environment"/>;
    /// null <paramref name="candidates"/> matches any candidate set.
    /// </summary>
    public static CacheExplanation Explain(
        IReadOnlyList<CacheFile> files,
        TuningEnvironment environment,
        string description,
        IReadOnlyList<KernelTile>? candidates,
        ShapeBucket bucket)
    {
        string directory = environment.DirectoryName;
        var same = new List<CacheNeighbour>();
        var other = new List<CacheNeighbour>();
        foreach (CacheFile file in files)
        {
            if (file.Entry is not TuningEntry entry)
            {
                continue;
            }

            List<KeyDifference> differences = EnvironmentDifferences(environment, entry.Environment);
            bool sameEnvironment = differences.Count == 0;
            differences.AddRange(KeyDifferences(description, candidates, bucket, entry.Key));
            (sameEnvironment ? same : other).Add(new CacheNeighbour(file, differences));
        }

        return new CacheExplanation(
            same.Exists(n => n.Differences.Count == 0),
            directory,
            Nearest(same),
            Nearest(other),
            [.. files.Where(f => f.Entry is null && f.EnvironmentDirectory == directory)]);
    }

    private static List<KeyDifference> EnvironmentDifferences(TuningEnvironment wanted, TuningEnvironment found)
    {
        var differences = new List<KeyDifference>();
        IReadOnlyList<(string Label, string Value)> wantedFields = wanted.Fields();
        IReadOnlyList<(string Label, string Value)> foundFields = found.Fields();
        for (int i = 0; i < wantedFields.Count; i++)
        {
            if (wantedFields[i].Value != foundFields[i].Value)
            {
                differences.Add(new KeyDifference(wantedFields[i].Label, wantedFields[i].Value, foundFields[i].Value));
            }
        }

        return differences;
    }

    private static IEnumerable<KeyDifference> KeyDifferences(string description, IReadOnlyList<KernelTile>? candidates, ShapeBucket bucket, TuningKey found)
    {
        if (description != found.Description)
        {
            (string wanted, string had) = DescriptionDelta(description, found.Description);
            yield return new KeyDifference("description", wanted, had);
        }

        if (candidates is not null && !candidates.SequenceEqual(found.Candidates))
        {
            yield return new KeyDifference("candidate set", TuningKey.CandidateText(candidates), TuningKey.CandidateText(found.Candidates));
        }

        if (bucket != found.Bucket)
        {
            yield return new KeyDifference("bucket", bucket.ToString(), found.Bucket.ToString());
        }
    }

    /// <summary>
    /// Only the words that differ when both descriptions have the same layout ("k=64" against "k=128"),
    /// since a whole description hides a one-field change; both in full otherwise.
    /// </summary>
    private static (string Wanted, string Found) DescriptionDelta(string wanted, string found)
    {
        string[] wantedWords = wanted.Split([' ', ';'], StringSplitOptions.RemoveEmptyEntries);
        string[] foundWords = found.Split([' ', ';'], StringSplitOptions.RemoveEmptyEntries);
        if (wantedWords.Length != foundWords.Length)
        {
            return (wanted, found);
        }

        int[] changed = [.. Enumerable.Range(0, wantedWords.Length).Where(i => wantedWords[i] != foundWords[i])];
        return changed.Length == 0
            ? (wanted, found)
            : (string.Join(' ', changed.Select(i => wantedWords[i])), string.Join(' ', changed.Select(i => foundWords[i])));
    }

    private static List<CacheNeighbour> Nearest(List<CacheNeighbour> neighbours) =>
    [
        .. neighbours
            .OrderBy(n => n.Differences.Count)
            .ThenBy(n => n.File.Name, StringComparer.Ordinal)
            .Take(NeighbourCount),
    ];
}
