namespace Cce.Tuning.Cache;

/// <summary>
/// Names how candidates were timed. Part of the environment key: timings taken under another policy
/// (other repetitions, no L2 flush, another tie-break margin) are not comparable, so they never hit.
/// </summary>
/// <param name="Name">A short stable name of the policy.</param>
/// <param name="Version">Raised whenever the policy changes in a way that can change a pick.</param>
public sealed record TimingPolicyId(string Name, int Version)
{
    /// <summary>The policy of this runtime's tuner under <see cref="TimingPlan.Default"/>.</summary>
    public static TimingPolicyId Current => TimingPlan.Default.PolicyId;

    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant($"{Name}/v{Version}");
}
