namespace Cce.Cli.Input;

/// <summary>Suggests the names closest to a mistyped one, for "did you mean" hints.</summary>
internal static class CloseNames
{
    /// <summary>
    /// Up to three <paramref name="names"/> within a few edits of <paramref name="typed"/>, closest first. With
    /// <paramref name="substring"/> the typed text may match any part of a name (for filters that match substrings).
    /// </summary>
    public static IReadOnlyList<string> Find(string typed, IEnumerable<string> names, bool substring = false)
    {
        string wanted = typed.ToLowerInvariant();
        int limit = Math.Max(1, wanted.Length / 3);
        return [.. names
            .Distinct(StringComparer.Ordinal)
            .Select(name => (Name: name, Distance: Distance(wanted, name.ToLowerInvariant(), substring)))
            .Where(c => c.Distance <= limit)
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(3)
            .Select(c => c.Name)];
    }

    /// <summary>The "did you mean" sentence for <paramref name="suggestions"/>, or an empty string when there are none.</summary>
    public static string Hint(IReadOnlyList<string> suggestions) =>
        suggestions.Count == 0 ? string.Empty : $" Did you mean {string.Join(" or ", suggestions.Select(s => $"'{s}'"))}?";

    /// <summary>
    /// Edit distance from <paramref name="pattern"/> to <paramref name="text"/>, a swap of two neighbours counting as one
    /// edit (the commonest typo); with <paramref name="substring"/>, to the closest part of the text (the match may
    /// start and end anywhere in it at no cost).
    /// </summary>
    private static int Distance(string pattern, string text, bool substring)
    {
        var before = new int[text.Length + 1];
        var previous = new int[text.Length + 1];
        var current = new int[text.Length + 1];
        for (int j = 0; j <= text.Length; j++)
        {
            previous[j] = substring ? 0 : j;
        }

        for (int i = 1; i <= pattern.Length; i++)
        {
            current[0] = i;
            for (int j = 1; j <= text.Length; j++)
            {
                int substitution = previous[j - 1] + (pattern[i - 1] == text[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
                if (i > 1 && j > 1 && pattern[i - 1] == text[j - 2] && pattern[i - 2] == text[j - 1])
                {
                    current[j] = Math.Min(current[j], before[j - 2] + 1);
                }
            }

            (before, previous, current) = (previous, current, before);
        }

        return substring ? previous.Min() : previous[text.Length];
    }
}
