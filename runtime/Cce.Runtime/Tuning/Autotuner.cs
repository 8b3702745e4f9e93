using Cce.Tuning.Cache;

namespace Cce.Tuning;

/// <summary>
/// The tuning procedure over any <see cref="ICandidateRunner"/>: load every candidate first (so compile time
/// is never timed), check each against the reference, screen all survivors, time the finalists again and
/// pick by <see cref="PickRule"/>. A candidate that throws or disagrees is recorded as failed and the others
/// go on; when none survives, the default is used and the outcome says so.
/// </summary>
internal static class Autotuner
{
    /// <summary>Tunes <paramref name="candidates"/> through <paramref name="runner"/>.</summary>
    /// <param name="runner">Runs candidate i of <paramref name="candidates"/> as index i.</param>
    /// <param name="candidates">The tiles, in declaration order (the tie-break order).</param>
    /// <param name="defaultIndex">The candidate used when all fail.</param>
    /// <param name="plan">Repetitions and tie margin.</param>
    /// <param name="progress">Receives one line per step, or null.</param>
    public static TuningOutcome Run(ICandidateRunner runner, IReadOnlyList<KernelTile> candidates, int defaultIndex, TimingPlan plan, Action<string>? progress)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentOutOfRangeException.ThrowIfNegative(defaultIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(defaultIndex, candidates.Count);
        plan.Validate();

        int count = candidates.Count;
        var failures = new string?[count];
        var samples = new TimingSample[count];
        Step(i => Done(() => runner.Load(i)), "load", candidates, failures, progress);
        Step(i => runner.Check(i) is string mismatch ? $"wrong answer: {mismatch}" : null, "check", candidates, failures, progress);
        Step(i => Done(() => samples[i] = TimingSample.Of(runner.Time(i, plan.Warmups, plan.ScreenRepetitions))), "screen", candidates, failures, progress);

        List<int> alive = [.. Enumerable.Range(0, count).Where(i => failures[i] is null)];
        double[] medians = [.. samples.Select(s => s.MedianMs)];
        IReadOnlyList<int> finalists = PickRule.Finalists(medians, alive, plan.Finalists, plan.TieMargin);

        // A lone survivor has nothing to be separated from: its screening times stand.
        foreach (int i in finalists.Count > 1 ? finalists : [])
        {
            Attempt(i, () => Done(() => samples[i] = TimingSample.Of(runner.Time(i, plan.Warmups, plan.FinalRepetitions))), "final timing", candidates, failures, progress);
        }

        medians = [.. samples.Select(s => s.MedianMs)];
        List<int> pool = [.. finalists.Where(i => failures[i] is null)];
        var results = new CandidateResult[count];
        for (int i = 0; i < count; i++)
        {
            results[i] = failures[i] is string reason
                ? CandidateResult.Failed(candidates[i], reason)
                : CandidateResult.Ok(candidates[i], samples[i].MedianMs, samples[i].P20Ms, samples[i].P80Ms);
            progress?.Invoke(Describe(results[i]));
        }

        return pool.Count == 0
            ? new TuningOutcome(results, defaultIndex, PickIsDefault: true)
            : new TuningOutcome(results, PickRule.Choose(medians, pool, plan.TieMargin), PickIsDefault: false);
    }

    private static string? Done(Action action)
    {
        action();
        return null;
    }

    private static void Step(Func<int, string?> action, string stage, IReadOnlyList<KernelTile> candidates, string?[] failures, Action<string>? progress)
    {
        for (int i = 0; i < candidates.Count; i++)
        {
            if (failures[i] is null)
            {
                Attempt(i, () => action(i), stage, candidates, failures, progress);
            }
        }
    }

    /// <summary>Runs one stage of one candidate; a returned reason or any exception disqualifies only that candidate.</summary>
    private static void Attempt(int candidate, Func<string?> action, string stage, IReadOnlyList<KernelTile> candidates, string?[] failures, Action<string>? progress)
    {
        progress?.Invoke($"  {stage} {candidates[candidate]}");
        try
        {
            failures[candidate] = action();
        }
        catch (Exception e)
        {
            // Compile errors, launch failures and exhausted resources all end up here, whatever their type.
            failures[candidate] = $"{stage} failed: {e.GetType().Name}: {e.Message}";
        }
    }

    private static string Describe(CandidateResult result) =>
        result.Status == CandidateStatus.Ok
            ? FormattableString.Invariant($"  {result.Tile}: median {result.MedianMs:F4} ms (p20 {result.P20Ms:F4}, p80 {result.P80Ms:F4})")
            : $"  {result.Tile}: failed ({result.Reason})";
}
