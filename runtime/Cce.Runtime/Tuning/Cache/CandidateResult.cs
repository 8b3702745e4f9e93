namespace Cce.Tuning.Cache;

/// <summary>What tuning measured for one tile candidate.</summary>
/// <param name="Tile">The candidate.</param>
/// <param name="Status">Whether it was timed or failed.</param>
/// <param name="MedianMs">Median time in milliseconds; null when failed.</param>
/// <param name="P20Ms">20th percentile time in milliseconds; null when failed.</param>
/// <param name="P80Ms">80th percentile time in milliseconds; null when failed.</param>
/// <param name="Reason">Why it failed; null when timed.</param>
public sealed record CandidateResult(
    KernelTile Tile,
    CandidateStatus Status,
    double? MedianMs,
    double? P20Ms,
    double? P80Ms,
    string? Reason)
{
    /// <summary>A timed candidate.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A time is negative or not finite, or the percentiles are out of order.</exception>
    public static CandidateResult Ok(KernelTile tile, double medianMs, double p20Ms, double p80Ms)
    {
        ArgumentNullException.ThrowIfNull(tile);
        foreach (double time in (ReadOnlySpan<double>)[medianMs, p20Ms, p80Ms])
        {
            // JSON has no NaN or infinity, and a negative time means a broken timer.
            if (!double.IsFinite(time) || time < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(medianMs), time, "Expected finite, non-negative times.");
            }
        }

        if (p20Ms > medianMs || medianMs > p80Ms)
        {
            throw new ArgumentOutOfRangeException(nameof(medianMs), medianMs, $"Expected p20 <= median <= p80; got {p20Ms}, {medianMs}, {p80Ms}.");
        }

        return new CandidateResult(tile, CandidateStatus.Ok, medianMs, p20Ms, p80Ms, null);
    }

    /// <summary>A candidate that failed for <paramref name="reason"/>.</summary>
    public static CandidateResult Failed(KernelTile tile, string reason)
    {
        ArgumentNullException.ThrowIfNull(tile);
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new CandidateResult(tile, CandidateStatus.Failed, null, null, null, reason);
    }
}
