using Cce.Verification;

namespace Cce.Cli.Reports;

/// <summary>The JSON form of a <c>cce verify</c> run.</summary>
/// <param name="Device">The device verified, as <c>cce info</c> describes it.</param>
/// <param name="Seed">Seed of the random inputs.</param>
/// <param name="Results">Every case.</param>
/// <param name="Failed">How many cases failed.</param>
/// <param name="Skipped">The declared variants left out because the device cannot run them.</param>
internal sealed record VerificationReport(string Device, int Seed, IReadOnlyList<VerificationResult> Results, int Failed, IReadOnlyList<VerificationSkip> Skipped);
