namespace Cce.Cli.Benchmarks;

/// <summary>What <c>cce bench</c> times and reports.</summary>
/// <param name="AllVariants">Every declared tile candidate that runs on the device, not only the one <c>Create(device)</c> picks.</param>
/// <param name="Repetitions">Timed calls per variant after the warm-up (see <c>CallTimes</c>).</param>
/// <param name="Stages">Also report the device time of each pipeline stage, from one more call.</param>
/// <param name="Digest">Also report a digest of dH and dW from one more call at a fixed step, to compare runs and processes bit for bit.</param>
/// <param name="Variant">With <paramref name="AllVariants"/>, only the candidates whose tile text contains this; null for all.</param>
internal sealed record BenchmarkOptions(bool AllVariants, int Repetitions, bool Stages, bool Digest = false, string? Variant = null);
