using System.Globalization;
using Cce.Tuning.Cache;

namespace Cce;

/// <summary>
/// How candidates are timed and picked. Every field is part of <see cref="PolicyId"/>, and so of the cache's
/// environment key: picks made under another plan are never reused.
/// </summary>
/// <param name="Warmups">Untimed launches before each timed series (clocks ramp up, caches and TLBs fill).</param>
/// <param name="ScreenRepetitions">Timed launches per candidate in the screening round.</param>
/// <param name="Finalists">How many of the fastest screened candidates are timed again; near-ties of the fastest are always added.</param>
/// <param name="FinalRepetitions">Timed launches per finalist.</param>
/// <param name="TieMargin">
/// Relative margin within which finalists count as tied with the fastest; the tied candidate declared first wins,
/// so every process picks the same tile although run-to-run noise reorders near-equal medians.
/// </param>
public sealed record TimingPlan(int Warmups, int ScreenRepetitions, int Finalists, int FinalRepetitions, double TieMargin)
{
    /// <summary>Raised whenever the timing procedure changes in a way the fields do not show.</summary>
    private const int Version = 2;

    /// <summary>
    /// The plan of the runtime's tuner: 3 warm-ups, 10 screening launches, the best 3 re-timed with 30 launches,
    /// and a 2% tie margin (about twice the run-to-run spread of a kernel's median on an idle GPU).
    /// </summary>
    public static TimingPlan Default { get; } = new(3, 10, 3, 30, 0.02);

    /// <summary>The cache's name for this plan.</summary>
    public TimingPolicyId PolicyId => new(
        string.Create(CultureInfo.InvariantCulture, $"median-event-timing w{Warmups} s{ScreenRepetitions} f{Finalists}x{FinalRepetitions} tie{TieMargin:0.###}"),
        Version);

    /// <summary>Checks the plan is usable.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A count is out of range or the margin is negative or not finite.</exception>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Warmups);
        ArgumentOutOfRangeException.ThrowIfLessThan(ScreenRepetitions, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(Finalists, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(FinalRepetitions, 1);
        if (!double.IsFinite(TieMargin) || TieMargin < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(TieMargin), TieMargin, "Expected a finite, non-negative tie margin.");
        }
    }
}
