namespace Cce.Tuning.Cache;

/// <summary>One tuning result: the key it answers, every candidate's timing or failure, and the pick.</summary>
/// <param name="Environment">Where the timings were taken.</param>
/// <param name="Key">What was tuned.</param>
/// <param name="Results">One result per candidate, in candidate order.</param>
/// <param name="Pick">The tile to use.</param>
/// <param name="PickIsDefault">True when every candidate failed and <paramref name="Pick"/> is the generator's default.</param>
/// <param name="CreatedUtc">When tuning finished, in UTC.</param>
public sealed record TuningEntry(
    TuningEnvironment Environment,
    TuningKey Key,
    IReadOnlyList<CandidateResult> Results,
    KernelTile Pick,
    bool PickIsDefault,
    DateTime CreatedUtc);
