using Cce.Families.PerRow;
using Cce.Kernels;
using Cce.Tuning;
using Cce.Verification;

namespace Cce.Schemes;

/// <summary>
/// K i.i.d. draws per row from a <see cref="CatalogDistribution"/> (item counts^α), made inside the kernels through its
/// alias table; <see cref="LogQCorrection.LogQ"/> subtracts log(K·q(j)) with the true q(j) of each drawn item.
/// </summary>
internal sealed class Popularity : PerRowScheme
{
    /// <summary>Streams of the synthetic counts.</summary>
    private const ulong CountStream = 21, ZeroStream = 22;

    /// <summary>Exponent of the synthetic distributions: the smoothing word2vec made common.</summary>
    private const double SyntheticExponent = 0.75;

    public static Popularity Instance { get; } = new();

    public override NegativeScheme Scheme => NegativeScheme.Popularity;

    public override void Validate(in NegativeSource source, CceDevice device, int rows, int catalog, LossDescription description)
    {
        if (source.Distribution is not CatalogDistribution distribution)
        {
            throw new ArgumentException(
                source.Explicit is null
                    ? "Expected a catalog distribution for the Popularity scheme; got a seed alone (uniform sampling)."
                    : "Expected a catalog distribution for the Popularity scheme; got explicit negatives.",
                "negatives");
        }

        distribution.ThrowIfDisposed("negatives");
        if (!ReferenceEquals(distribution.Device, device))
        {
            throw new ArgumentException($"Expected the catalog distribution on device {device.Describe()}; got one on another device, {distribution.Device.Describe()}.", "negatives");
        }

        if (distribution.Catalog != catalog)
        {
            throw new ArgumentException($"Expected a catalog distribution over the {catalog} items of the item table; got one over {distribution.Catalog} items.", "negatives");
        }
    }

    public override void Bind(ref PerRowArguments arguments, in NegativeSource source, LossDescription description, int catalog)
    {
        base.Bind(ref arguments, source, description, catalog);
        arguments.SchemeIndices = source.Distribution!.Table;
        arguments.SchemeValues = source.Distribution.LogProbability;
    }

    /// <summary>−log K for LogQ: the kernels subtract each drawn item's log q(j) themselves.</summary>
    public override float KernelCorrection(LossDescription description, int catalog) => (float)ConstantPart(description);

    public override Func<int, double> ReferenceCorrection(LossDescription description, int rows, int catalog, in NegativeSource source)
    {
        if (description.Correction != LogQCorrection.LogQ)
        {
            double constant = ConstantPart(description);
            return _ => constant;
        }

        double[] q = source.Distribution!.Probabilities();
        double logK = Math.Log(description.Negatives);
        return item => -logK - Math.Log(q[item]);
    }

    public override SchemeInputs Synthetic(CceDevice device, SyntheticBatch batch) => new Draws(device, batch);

    private static double ConstantPart(LossDescription description) => description.Correction switch
    {
        LogQCorrection.None => 0.0,
        LogQCorrection.LogQ => -Math.Log(description.Negatives),
        _ => throw new NotSupportedException($"Expected correction None or LogQ for the Popularity scheme; got {description.Correction}."),
    };

    /// <summary>A long-tailed synthetic catalog: Zipf-like counts with a share of never-seen items, smoothed by 0.75.</summary>
    private sealed class Draws : SchemeInputs
    {
        private readonly CatalogDistribution distribution;
        private readonly int[] table;
        private readonly ulong seed;

        public Draws(CceDevice device, SyntheticBatch batch)
        {
            seed = batch.Seed;
            int catalog = batch.Catalog;
            var counts = new float[catalog];
            for (int item = 0; item < catalog; item++)
            {
                bool unseen = item > 0 && SyntheticValues.Chance(seed, ZeroStream, item, 0.1);
                counts[item] = item == 0 ? 1000f : unseen ? 0f : MathF.Floor(1000f / (1 + SyntheticValues.Below(seed, CountStream, item, Math.Min(catalog, 1000))));
            }

            distribution = CatalogDistribution.FromCounts(device, counts, SyntheticExponent);
            table = distribution.TableToHost();
        }

        public override NegativeSource Source(ulong step) => NegativeSource.FromDistribution(distribution, seed, step);

        public override int Negative(int row, int slot, ulong step) => AliasSampler.Draw(seed, step, row, slot, table);

        public override void Dispose() => distribution.Dispose();
    }
}
