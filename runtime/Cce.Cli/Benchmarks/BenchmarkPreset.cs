namespace Cce.Cli.Benchmarks;

/// <summary>One benchmark shape, with the loss class that has its K and D.</summary>
/// <param name="Name">Preset name.</param>
/// <param name="Rows">Rows N.</param>
/// <param name="Catalog">Catalog size V.</param>
/// <param name="Runner">Times the preset's loss on a device.</param>
/// <param name="DeterministicRunner">Times the same loss with deterministic gradients.</param>
/// <param name="PaperH200Ms">
/// The paper's released Triton kernels at this preset (fwd + bwd, sampling included), measured on an NVIDIA H200 side by
/// side with this library on 2026-11-30: the figure every ratio is taken against, whatever card runs the bench.
/// </param>
/// <param name="Filter">
/// Measures the preset's loss against its twin with a gradient filter (<c>cce bench --gradient-filter</c>); null where
/// the loss samples its negatives, which the filter does not apply to.
/// </param>
internal sealed record BenchmarkPreset(string Name, int Rows, int Catalog, BenchmarkRunner Runner, BenchmarkRunner DeterministicRunner, double PaperH200Ms, FilterBenchmark? Filter = null)
{
    /// <summary>The presets of the published comparison (fp16 inputs, uniform negatives).</summary>
    public static IReadOnlyList<BenchmarkPreset> All { get; } =
    [
        new("beauty", 32_768, 250_000, BenchmarkRunner.Of<D256K511Loss>(), BenchmarkRunner.Of<D256K511DeterministicLoss>(), 19.2),
        new("ml20m", 131_072, 27_000, BenchmarkRunner.Of<D256K511Loss>(), BenchmarkRunner.Of<D256K511DeterministicLoss>(), 61.1),
        new("zvuk", 131_072, 893_000, BenchmarkRunner.Of<D256K2047Loss>(), BenchmarkRunner.Of<D256K2047DeterministicLoss>(), 300.0),
        new("d64", 131_072, 1_000_000, BenchmarkRunner.Of<D64K511Loss>(), BenchmarkRunner.Of<D64K511DeterministicLoss>(), 25.2),
        // The matrix kernels own every output tile, so their gradients are deterministic either way.
        new("beauty-full", 32_768, 250_000, BenchmarkRunner.Of<FullD256Loss>(), BenchmarkRunner.Of<FullD256Loss>(), 138.6, FilterBenchmark.Of<FullD256Loss, FullD256FilteredLoss>()),
        new("ml20m-full", 131_072, 27_000, BenchmarkRunner.Of<FullD256Loss>(), BenchmarkRunner.Of<FullD256Loss>(), 59.2, FilterBenchmark.Of<FullD256Loss, FullD256FilteredLoss>()),
        new("d64-full", 131_072, 1_000_000, BenchmarkRunner.Of<FullD64Loss>(), BenchmarkRunner.Of<FullD64Loss>(), 2057.0, FilterBenchmark.Of<FullD64Loss, FullD64FilteredLoss>()),
    ];

    /// <summary>Rows N at <paramref name="scale"/> (<c>--scale</c>), at least 1.</summary>
    public int ScaledRows(double scale) => Math.Max(1, (int)(Rows * scale));

    /// <summary>Catalog size V at <paramref name="scale"/>, at least 2 (a positive and one other item).</summary>
    public int ScaledCatalog(double scale) => Math.Max(2, (int)(Catalog * scale));
}
