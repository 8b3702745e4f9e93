using Cce.Tuning.Cache;

namespace Cce.Tuning;

/// <summary>What one tuning run found.</summary>
/// <param name="Results">One result per candidate, in candidate order.</param>
/// <param name="Pick">Index of the chosen candidate.</param>
/// <param name="PickIsDefault">True when every candidate failed and <paramref name="Pick"/> is the default.</param>
internal sealed record TuningOutcome(IReadOnlyList<CandidateResult> Results, int Pick, bool PickIsDefault);
