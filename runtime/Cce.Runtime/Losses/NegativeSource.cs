namespace Cce;

/// <summary>
/// Where the negatives of a call come from: drawn in the kernel from (seed, step) — uniformly, or from a
/// <see cref="CatalogDistribution"/> — or an explicit [N, K] tensor.
/// </summary>
public readonly struct NegativeSource
{
    private NegativeSource(ulong seed, ulong step, CceTensor<int>? negatives, CatalogDistribution? distribution)
    {
        Seed = seed;
        Step = step;
        Explicit = negatives;
        Distribution = distribution;
    }

    /// <summary>Seed of the in-kernel sampler.</summary>
    public ulong Seed { get; }

    /// <summary>Training step of the in-kernel sampler: a new step draws new negatives.</summary>
    public ulong Step { get; }

    /// <summary>The explicit negatives, or null for in-kernel sampling.</summary>
    public CceTensor<int>? Explicit { get; }

    /// <summary>The catalog distribution the kernels draw from, or null for uniform draws and explicit negatives.</summary>
    public CatalogDistribution? Distribution { get; }

    /// <summary>Negatives drawn uniformly inside the kernel from a counter-based generator keyed by (seed, step, row, slot).</summary>
    public static NegativeSource Sampled(ulong seed, ulong step) => new(seed, step, null, null);

    /// <summary>Negatives given as an [N, K] int32 tensor of item indices.</summary>
    public static NegativeSource FromTensor(CceTensor<int> negatives)
    {
        ArgumentNullException.ThrowIfNull(negatives);
        return new NegativeSource(0, 0, negatives, null);
    }

    /// <summary>
    /// The item frequencies of an in-batch loss with the LogQ correction: q(j) of <paramref name="frequencies"/> is the
    /// chance that item j is a row's positive, every q(j) &gt; 0 (build it from counts with no zero, or with α = 0).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="frequencies"/> is null.</exception>
    public static NegativeSource FromFrequencies(CatalogDistribution frequencies)
    {
        ArgumentNullException.ThrowIfNull(frequencies);
        return new(0, 0, null, frequencies);
    }

    /// <summary>Negatives drawn inside the kernel from <paramref name="distribution"/>, keyed by (seed, step, row, slot).</summary>
    public static NegativeSource FromDistribution(CatalogDistribution distribution, ulong seed, ulong step)
    {
        ArgumentNullException.ThrowIfNull(distribution);
        return new NegativeSource(seed, step, null, distribution);
    }
}
