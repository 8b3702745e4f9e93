namespace Cce;

/// <summary>Device time of one stage of a call's kernels, summed over the stage's launches (e.g. over chunks).</summary>
/// <param name="Stage">The stage, e.g. "pass 1", "count", "scan", "fill", "reduce", "positives".</param>
/// <param name="Milliseconds">Its device time.</param>
public sealed record StageTime(string Stage, double Milliseconds);
