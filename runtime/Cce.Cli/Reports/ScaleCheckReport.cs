using Cce.Verification;

namespace Cce.Cli.Reports;

/// <summary>The JSON form of <c>cce verify --scale bench</c>.</summary>
/// <param name="Device">The device verified.</param>
/// <param name="Seed">Seed of the random inputs.</param>
/// <param name="Checks">One check per preset, then ml20m with an fp32 dH.</param>
/// <param name="Failed">How many checks failed.</param>
internal sealed record ScaleCheckReport(string Device, int Seed, IReadOnlyList<ScaleCheckRow> Checks, int Failed);

/// <summary>One check of <c>cce verify --scale bench</c>.</summary>
/// <param name="Preset">The preset, e.g. "ml20m" or "ml20m fp32 dH".</param>
/// <param name="Result">What the check measured.</param>
internal sealed record ScaleCheckRow(string Preset, ScaleCheckResult Result);
