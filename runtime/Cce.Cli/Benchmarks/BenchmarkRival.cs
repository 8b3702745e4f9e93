namespace Cce.Cli.Benchmarks;

/// <summary>
/// What a preset is compared against: the fastest other implementation of the same loss, timed at the full preset
/// (forward + backward, sampling included) on an NVIDIA H200 on 2026-11-30. Every ratio is taken against that figure,
/// whatever card runs the bench.
/// </summary>
/// <param name="Name">The implementation, as the report names it.</param>
/// <param name="H200Ms">Its wall time per call on the H200.</param>
/// <param name="ExtraGigabytes">The memory it allocates beyond inputs and gradients, where measured.</param>
internal sealed record BenchmarkRival(string Name, double H200Ms, double? ExtraGigabytes = null)
{
    /// <summary>The paper's released Triton kernels (sampled negatives) or Cut Cross-Entropy's (full catalog).</summary>
    public static BenchmarkRival Triton(double ms) => new("Triton", ms);

    /// <summary>
    /// Plain PyTorch: cuBLAS products over materialised [N, K] logits, the only implementation of the shared-set schemes,
    /// which no fused kernel offered.
    /// </summary>
    public static BenchmarkRival PyTorch(double ms, double extraGigabytes) => new("PyTorch", ms, extraGigabytes);
}
