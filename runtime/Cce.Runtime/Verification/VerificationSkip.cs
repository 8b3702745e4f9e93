namespace Cce.Verification;

/// <summary>A declared variant the suite left out because the device cannot run it (e.g. Hopper-only kernels elsewhere).</summary>
/// <param name="Loss">The loss class.</param>
/// <param name="Variant">The kernel variant, e.g. "m128n128k256w8s2wg".</param>
/// <param name="Reason">Why: the architecture the variant needs and the device's.</param>
public sealed record VerificationSkip(string Loss, string Variant, string Reason);
