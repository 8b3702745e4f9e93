namespace Cce.Verification;

/// <summary>One verified (loss, variant, case, operation): the relative errors against the fp64 reference.</summary>
/// <param name="Loss">The loss class.</param>
/// <param name="Variant">The kernel variant, e.g. "w4r8f2" or "portable".</param>
/// <param name="Case">The input case.</param>
/// <param name="Operation">The entry point exercised.</param>
/// <param name="Seed">Seed of the random inputs, to reproduce a failure.</param>
/// <param name="LossError">Relative error of the reduced loss (null when the operation returns none; NaN when the output was not finite).</param>
/// <param name="LseError">Relative error of the per-row log-sum-exp (null when not produced).</param>
/// <param name="GradHiddenError">Relative error of dH (null when not produced).</param>
/// <param name="GradItemsError">Relative error of dW (null when not produced).</param>
/// <param name="Tolerance">The bounds applied.</param>
/// <param name="Failure">Why the case failed, or null when it passed.</param>
public sealed record VerificationResult(
    string Loss,
    string Variant,
    string Case,
    LossOperation Operation,
    int Seed,
    double? LossError,
    double? LseError,
    double? GradHiddenError,
    double? GradItemsError,
    Tolerance Tolerance,
    string? Failure)
{
    /// <summary>Whether every produced quantity is within its tolerance (a NaN error fails).</summary>
    public bool Passed => Failure is null;
}
