namespace Cce.Tuning;

/// <summary>The summary of one series of timed launches, in milliseconds.</summary>
/// <param name="MedianMs">Median.</param>
/// <param name="P20Ms">20th percentile.</param>
/// <param name="P80Ms">80th percentile.</param>
internal readonly record struct TimingSample(double MedianMs, double P20Ms, double P80Ms)
{
    /// <summary>Summarises <paramref name="times"/> (nearest-rank percentiles, so every value is one that was measured).</summary>
    /// <exception cref="ArgumentException">No time, or a negative or non-finite one.</exception>
    public static TimingSample Of(IReadOnlyList<double> times)
    {
        ArgumentNullException.ThrowIfNull(times);
        if (times.Count == 0 || times.Any(t => !double.IsFinite(t) || t < 0))
        {
            throw new ArgumentException($"Expected at least one finite, non-negative time; got [{string.Join(", ", times)}].", nameof(times));
        }

        double[] sorted = [.. times.Order()];
        return new TimingSample(Percentile(sorted, 0.5), Percentile(sorted, 0.2), Percentile(sorted, 0.8));
    }

    private static double Percentile(double[] sorted, double fraction) =>
        sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];
}
