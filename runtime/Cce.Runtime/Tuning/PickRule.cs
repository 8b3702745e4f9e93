namespace Cce.Tuning;

/// <summary>The deterministic choice among timed candidates.</summary>
internal static class PickRule
{
    /// <summary>
    /// The candidate declared first among those whose median is within <paramref name="margin"/> of the fastest
    /// of <paramref name="pool"/>: medians closer than the noise would otherwise let processes disagree.
    /// </summary>
    /// <param name="medians">Median time of each candidate by index; only those in <paramref name="pool"/> are read.</param>
    /// <param name="pool">Indices of the candidates that may be picked; not empty.</param>
    /// <param name="margin">Relative tie margin, e.g. 0.02.</param>
    public static int Choose(IReadOnlyList<double> medians, IReadOnlyCollection<int> pool, double margin)
    {
        ArgumentNullException.ThrowIfNull(medians);
        ArgumentNullException.ThrowIfNull(pool);
        if (pool.Count == 0)
        {
            throw new ArgumentException("Expected at least one candidate to pick from.", nameof(pool));
        }

        double best = pool.Min(i => medians[i]);
        return pool.Where(i => medians[i] <= best * (1 + margin)).Min();
    }

    /// <summary>
    /// The candidates worth timing again after screening: the <paramref name="count"/> fastest (earlier declared
    /// first on equal medians), and every candidate tied with the fastest, so that which near-equal candidate is
    /// retimed never depends on noise.
    /// </summary>
    public static IReadOnlyList<int> Finalists(IReadOnlyList<double> medians, IReadOnlyCollection<int> pool, int count, double margin)
    {
        ArgumentNullException.ThrowIfNull(medians);
        ArgumentNullException.ThrowIfNull(pool);
        if (pool.Count == 0)
        {
            return [];
        }

        double best = pool.Min(i => medians[i]);
        IEnumerable<int> fastest = pool.OrderBy(i => medians[i]).ThenBy(i => i).Take(count);
        IEnumerable<int> tied = pool.Where(i => medians[i] <= best * (1 + margin));
        return [.. fastest.Union(tied).Order()];
    }
}
