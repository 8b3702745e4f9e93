namespace Cce.Cli.Benchmarks;

/// <summary>
/// The negatives argument of a timed call: the in-kernel sampler at a new step for every call, or for an in-batch loss
/// with the LogQ correction the frequencies of the batch's positives (each item's count plus one, so none is zero).
/// </summary>
internal sealed class BenchmarkNegatives : IDisposable
{
    private readonly CatalogDistribution? frequencies;

    private BenchmarkNegatives(CatalogDistribution? frequencies) => this.frequencies = frequencies;

    /// <summary>The negatives of a loss of <paramref name="description"/> over a batch whose positives are <paramref name="targets"/>.</summary>
    public static BenchmarkNegatives For(LossDescription description, CceDevice device, int[] targets, int catalog)
    {
        if (description is not { Scheme: NegativeScheme.InBatch, Correction: LogQCorrection.LogQ })
        {
            return new BenchmarkNegatives(null);
        }

        var counts = new float[catalog];
        Array.Fill(counts, 1f);
        foreach (int target in targets)
        {
            counts[target]++;
        }

        return new BenchmarkNegatives(CatalogDistribution.FromCounts(device, counts));
    }

    /// <summary>The argument of the call at <paramref name="step"/>.</summary>
    public NegativeSource At(ulong step) => frequencies is null ? NegativeSource.Sampled(1, step) : NegativeSource.FromFrequencies(frequencies);

    /// <inheritdoc/>
    public void Dispose() => frequencies?.Dispose();
}
