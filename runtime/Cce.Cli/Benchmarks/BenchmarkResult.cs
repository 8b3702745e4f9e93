namespace Cce.Cli.Benchmarks;

/// <summary>The timing of one (preset, variant): wall time of a whole ForwardBackward call, validation and loss read-back included.</summary>
/// <param name="Preset">Preset name.</param>
/// <param name="Variant">Kernel variant.</param>
/// <param name="MedianMs">Median milliseconds per call.</param>
/// <param name="P20Ms">20th percentile.</param>
/// <param name="P80Ms">80th percentile.</param>
/// <param name="Loss">The loss of the last call (a sanity check: about log(K+1) plus the correction on random data).</param>
/// <param name="GatheredRowsPerSecond">Item rows gathered per second, counting one gather per (row, candidate): K + 1 candidates per row, or V for the full catalog.</param>
/// <param name="TeraFlops">Matrix arithmetic per second, in TFLOP/s: 2·D FLOP per (row, candidate) for each of the logit, the dH and the dW products, and once more for the full catalog, whose gradient passes recompute the logits (8·N·V·D).</param>
/// <param name="ScratchBytes">Device memory the loss holds beyond the caller's inputs and gradients: its per-row results and its kernels' workspace.</param>
/// <param name="Stages">Device time of each stage of one more call, when asked for; else empty.</param>
/// <param name="Digest">SHA-256 (first 8 bytes, hex) of dH and of dW from one more call at step 0, when asked for; else null.</param>
internal sealed record BenchmarkResult(string Preset, string Variant, double MedianMs, double P20Ms, double P80Ms, float Loss, double GatheredRowsPerSecond, double TeraFlops, long ScratchBytes, IReadOnlyList<StageTime> Stages, string? Digest);
