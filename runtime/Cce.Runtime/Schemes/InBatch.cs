using Cce.Families.Matrix;
using Cce.Verification;

namespace Cce.Schemes;

/// <summary>
/// The negatives of a row are the positives of the rows of its group: slot s of group i holds the positive of row
/// i·G + s. A slot equal to the row's own positive (its own slot, a duplicate, or a row past the call or ignored) is
/// masked. <see cref="LogQCorrection.LogQ"/> subtracts log((G − 1)·q(j)) with q from the item frequencies the caller
/// passes (<see cref="NegativeSource.FromFrequencies"/>); G − 1 is the count of other rows of a full group.
/// </summary>
internal sealed class InBatch : MatrixScheme
{
    /// <summary>Streams of the synthetic frequencies.</summary>
    private const ulong CountStream = 23;

    public static InBatch Instance { get; } = new();

    public override NegativeScheme Scheme => NegativeScheme.InBatch;

    public override void Validate(in NegativeSource source, CceDevice device, int rows, int catalog, LossDescription description)
    {
        if (source.Explicit is not null)
        {
            throw new ArgumentException("Expected no explicit negatives for the InBatch scheme, whose negatives are the other rows' positives; got explicit negatives.", "negatives");
        }

        if (description.Correction != LogQCorrection.LogQ)
        {
            if (source.Distribution is not null)
            {
                throw new ArgumentException($"Expected no item frequencies for an InBatch loss with correction {description.Correction}; got a catalog distribution, which only LogQ uses.", "negatives");
            }

            return;
        }

        if (source.Distribution is not CatalogDistribution frequencies)
        {
            throw new ArgumentException("Expected item frequencies (NegativeSource.FromFrequencies) for an InBatch loss with the LogQ correction; got none.", "negatives");
        }

        frequencies.ThrowIfDisposed("negatives");
        if (!ReferenceEquals(frequencies.Device, device))
        {
            throw new ArgumentException($"Expected the item frequencies on device {device.Describe()}; got them on another device, {frequencies.Device.Describe()}.", "negatives");
        }

        if (frequencies.Catalog != catalog)
        {
            throw new ArgumentException($"Expected item frequencies over the {catalog} items of the item table; got them over {frequencies.Catalog} items.", "negatives");
        }

        if (frequencies.HasZeroProbability)
        {
            throw new ArgumentOutOfRangeException("negatives", "Expected a positive frequency q(j) for every item (log q enters the logits); got a distribution in which some item has q = 0.");
        }
    }

    public override void Bind(ref MatrixArguments arguments, in NegativeSource source, LossDescription description, int rows, int catalog)
    {
        int groupRows = description.GroupSize(rows);
        arguments.GroupRows = groupRows;
        arguments.Slots = groupRows;
        if (description.Correction == LogQCorrection.LogQ)
        {
            arguments.Correction = (float)-LogOthers(groupRows);
            arguments.SchemeValues = source.Distribution!.LogProbability;
        }
    }

    public override Func<int, double> ReferenceCorrection(LossDescription description, int rows, int catalog, in NegativeSource source)
    {
        if (description.Correction != LogQCorrection.LogQ)
        {
            return _ => 0.0;
        }

        double[] q = source.Distribution!.Probabilities();
        double logOthers = LogOthers(description.GroupSize(rows));
        return item => -logOthers - Math.Log(q[item]);
    }

    public override SchemeInputs Synthetic(CceDevice device, SyntheticBatch batch) => new Peers(device, batch);

    /// <summary>log(G − 1): the other rows of a full group, at least one (a group of one row has no negatives to correct).</summary>
    private static double LogOthers(int groupRows) => Math.Log(Math.Max(groupRows - 1, 1));

    /// <summary>The peers' positives, and for LogQ a long-tailed frequency table with no zero.</summary>
    private sealed class Peers : SchemeInputs
    {
        private readonly CatalogDistribution? frequencies;
        private readonly IReadOnlyList<int> targets;
        private readonly int groupRows;

        public Peers(CceDevice device, SyntheticBatch batch)
        {
            targets = batch.Targets;
            groupRows = batch.Description.GroupSize(batch.Rows);
            if (batch.Description.Correction == LogQCorrection.LogQ)
            {
                var counts = new float[batch.Catalog];
                for (int item = 0; item < counts.Length; item++)
                {
                    counts[item] = 1f + MathF.Floor(1000f / (1 + SyntheticValues.Below(batch.Seed, CountStream, item, Math.Min(batch.Catalog, 1000))));
                }

                frequencies = CatalogDistribution.FromCounts(device, counts);
            }
        }

        public override NegativeSource Source(ulong step) => frequencies is null ? default : NegativeSource.FromFrequencies(frequencies);

        /// <summary>
        /// The positive of the slot's row; a slot past the call or on an ignored row gives the row's own positive, which
        /// is masked (item 0 for an ignored row, which nothing reads).
        /// </summary>
        public override int Negative(int row, int slot, ulong step)
        {
            int peer = (row / groupRows * groupRows) + slot;
            return peer < targets.Count && targets[peer] >= 0 ? targets[peer] : Math.Max(targets[row], 0);
        }

        public override void Dispose() => frequencies?.Dispose();
    }
}
