namespace Cce.Tuning.Cache;

/// <summary>How timing one tile candidate ended.</summary>
public enum CandidateStatus
{
    /// <summary>Compiled, ran, agreed with the reference and was timed.</summary>
    Ok = 0,

    /// <summary>Failed to compile or launch, ran out of resources, or disagreed with the reference.</summary>
    Failed = 1,
}
