namespace Cce.Cli.Benchmarks;

/// <summary>One benchmark shape, with the loss class that has its K and D.</summary>
/// <param name="Name">Preset name.</param>
/// <param name="Rows">Rows N.</param>
/// <param name="Catalog">Catalog size V.</param>
/// <param name="Runner">Times the preset's loss on a device.</param>
/// <param name="DeterministicRunner">
/// Times the same loss with deterministic gradients; null where the loss has no such form (the shared-set schemes add
/// the gradient rows of a set's items with atomics).
/// </param>
/// <param name="Rival">The implementation every ratio is taken against, with its H200 figure.</param>
/// <param name="Filter">
/// Measures the preset's loss against its twin with a gradient filter (<c>cce bench --gradient-filter</c>); null where
/// the loss samples its negatives, which the filter does not apply to.
/// </param>
internal sealed record BenchmarkPreset(string Name, int Rows, int Catalog, BenchmarkRunner Runner, BenchmarkRunner? DeterministicRunner, BenchmarkRival Rival, FilterBenchmark? Filter = null)
{
    /// <summary>
    /// The presets: the published comparison's shapes (fp16 inputs) with per-row negatives, the full catalog, one set of
    /// negatives shared by the whole call, and the other rows' positives.
    /// </summary>
    public static IReadOnlyList<BenchmarkPreset> All { get; } =
    [
        new("beauty", 32_768, 250_000, BenchmarkRunner.Of<D256K511Loss>(), BenchmarkRunner.Of<D256K511DeterministicLoss>(), BenchmarkRival.Triton(19.2)),
        new("ml20m", 131_072, 27_000, BenchmarkRunner.Of<D256K511Loss>(), BenchmarkRunner.Of<D256K511DeterministicLoss>(), BenchmarkRival.Triton(61.1)),
        new("zvuk", 131_072, 893_000, BenchmarkRunner.Of<D256K2047Loss>(), BenchmarkRunner.Of<D256K2047DeterministicLoss>(), BenchmarkRival.Triton(300.0)),
        new("d64", 131_072, 1_000_000, BenchmarkRunner.Of<D64K511Loss>(), BenchmarkRunner.Of<D64K511DeterministicLoss>(), BenchmarkRival.Triton(25.2)),
        // The matrix kernels own every output tile, so their gradients are deterministic either way.
        new("beauty-full", 32_768, 250_000, BenchmarkRunner.Of<FullD256Loss>(), BenchmarkRunner.Of<FullD256Loss>(), BenchmarkRival.Triton(138.6), FilterBenchmark.Of<FullD256Loss, FullD256FilteredLoss>()),
        new("ml20m-full", 131_072, 27_000, BenchmarkRunner.Of<FullD256Loss>(), BenchmarkRunner.Of<FullD256Loss>(), BenchmarkRival.Triton(59.2), FilterBenchmark.Of<FullD256Loss, FullD256FilteredLoss>()),
        new("d64-full", 131_072, 1_000_000, BenchmarkRunner.Of<FullD64Loss>(), BenchmarkRunner.Of<FullD64Loss>(), BenchmarkRival.Triton(2057.0), FilterBenchmark.Of<FullD64Loss, FullD64FilteredLoss>()),
        new("shared-beauty", 32_768, 250_000, BenchmarkRunner.Of<SharedD256K511Loss>(), null, BenchmarkRival.PyTorch(1.24, 0.14)),
        new("shared-ml20m", 131_072, 27_000, BenchmarkRunner.Of<SharedD256K511Loss>(), null, BenchmarkRival.PyTorch(3.48, 0.80)),
        new("shared-zvuk", 131_072, 893_000, BenchmarkRunner.Of<SharedD256K2047Loss>(), null, BenchmarkRival.PyTorch(10.64, 2.8)),
        new("shared-d64", 131_072, 1_000_000, BenchmarkRunner.Of<SharedD64K511Loss>(), null, BenchmarkRival.PyTorch(2.68, 0.69)),
        new("inbatch-beauty", 32_768, 250_000, BenchmarkRunner.Of<InBatchD256Loss>(), null, BenchmarkRival.PyTorch(28.1, 12.9)),
    ];

    /// <summary>Rows N at <paramref name="scale"/> (<c>--scale</c>), at least 1.</summary>
    public int ScaledRows(double scale) => Math.Max(1, (int)(Rows * scale));

    /// <summary>Catalog size V at <paramref name="scale"/>, at least 2 (a positive and one other item).</summary>
    public int ScaledCatalog(double scale) => Math.Max(2, (int)(Catalog * scale));
}
