namespace Cce.Cli.Benchmarks;

/// <summary>One benchmark shape, with the loss class that has its K and D.</summary>
/// <param name="Name">Preset name.</param>
/// <param name="Rows">Rows N.</param>
/// <param name="Catalog">Catalog size V.</param>
/// <param name="Runner">Times the preset's loss on a device.</param>
internal sealed record BenchmarkPreset(string Name, int Rows, int Catalog, BenchmarkRunner Runner)
{
    /// <summary>The presets of the published comparison (fp16 inputs, uniform negatives).</summary>
    public static IReadOnlyList<BenchmarkPreset> All { get; } =
    [
        new("beauty", 32_768, 250_000, BenchmarkRunner.Of<D256K511Loss>()),
        new("ml20m", 131_072, 27_000, BenchmarkRunner.Of<D256K511Loss>()),
        new("zvuk", 131_072, 893_000, BenchmarkRunner.Of<D256K2047Loss>()),
        new("d64", 131_072, 1_000_000, BenchmarkRunner.Of<D64K511Loss>()),
    ];
}
