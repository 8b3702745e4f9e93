using System.Globalization;
using Cce.Reference;
using Cce.Verification;

namespace Cce.Tuning;

/// <summary>
/// The fp64 reference for a few rows of a tuning's inputs. Rows are independent, so the reference runs on just
/// those rows over a compact table of the items they touch; the kernels get the correction term of that compact
/// catalog, so both sides add the same constant and any catalog size stays cheap to check.
/// </summary>
internal sealed class ReferenceCheck
{
    /// <summary>Rows checked: the first, the last (a partial group) and a few in between.</summary>
    private const int SampleRows = 8;

    private const ulong SampleStream = 5;

    private readonly TuningInputs inputs;
    private readonly int[] rows;
    private readonly ReferenceResult expected;
    private readonly Tolerance tolerance;

    public ReferenceCheck(TuningInputs inputs, ulong step)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        this.inputs = inputs;
        LossDescription description = inputs.Description;
        tolerance = Tolerance.For(description);
        rows = PickRows(inputs);

        var compact = new Dictionary<int, int>();
        int Compact(int item)
        {
            if (!compact.TryGetValue(item, out int index))
            {
                index = compact.Count;
                compact.Add(item, index);
            }

            return index;
        }

        int k = description.NegativesPerRow(inputs.Rows, inputs.Catalog);
        var targets = new int[rows.Length];
        var negatives = new int[rows.Length * k];
        for (int r = 0; r < rows.Length; r++)
        {
            int target = inputs.Target(rows[r]);
            bool valid = target != description.IgnoreIndex;
            targets[r] = valid ? Compact(target) : target;
            for (int slot = 0; slot < k; slot++)
            {
                negatives[(r * k) + slot] = valid ? Compact(inputs.Negative(rows[r], slot, step)) : 0;
            }
        }

        // The Paper correction needs two items; an unused padding row changes nothing else.
        for (int pad = 0; compact.Count < 2; pad++)
        {
            Compact(pad);
        }

        int d = description.HiddenSize;
        var items = new double[compact.Count * d];
        foreach ((int item, int index) in compact)
        {
            inputs.ItemRow(item).CopyTo(items, index * d);
        }

        double[] hidden = [.. rows.SelectMany(inputs.HiddenRow)];
        int sampleValid = targets.Count(t => t != description.IgnoreIndex);

        // The kernels divide by the valid rows of the whole batch, the reference by those of the sample.
        double upstream = description.Reduction == LossReduction.Mean ? (double)sampleValid / inputs.ValidCount : 1.0;
        // Constant corrections depend on V, so the kernels are launched with those of the compact catalog; per-item
        // corrections follow the original item of each compact index.
        int[] original = new int[compact.Count];
        foreach ((int item, int index) in compact)
        {
            original[index] = item;
        }

        CorrectionCatalog = compact.Count;
        Func<int, double> correction = inputs.Scheme.ReferenceCorrection(description, inputs.Rows, CorrectionCatalog, inputs.Source(step));
        // The sampled rows keep the slots of the whole call's rows (in-batch, one per row of the call's group).
        expected = ReferenceLoss.Compute(description, hidden, items, targets, negatives, compact.Count, upstream, correction: index => correction(original[index]), slotsPerRow: k);
    }

    /// <summary>The catalog size whose correction term the kernels must be launched with for this check.</summary>
    public int CorrectionCatalog { get; }

    /// <summary>
    /// Compares the outputs a pass wrote on the sampled rows, with the bounds of <c>cce verify</c> (<see cref="Tolerance"/>)
    /// and its measures (<see cref="ErrorMeasures"/>); dH beyond its output rounding, since at a tuning's scale a 16-bit
    /// dH reaches fp16's subnormals. Null arrays are not compared.
    /// </summary>
    /// <returns>Null when every compared quantity is within its bound, else the first that is not.</returns>
    public string? Compare(string pass, float[]? rowLoss, float[]? rowLse, byte[]? gradHidden)
    {
        LossDescription description = inputs.Description;
        ElementType gradient = ElementTypes.Gradient(description);
        int d = description.HiddenSize;
        double? lossError = rowLoss is null ? null : ErrorMeasures.LogDomain(Sampled(rowLoss), expected.RowLoss);
        double? lseError = rowLse is null ? null : ErrorMeasures.LogDomain(Sampled(rowLse), expected.Lse);
        double? gradError = null;
        if (gradHidden is not null)
        {
            var actual = new double[rows.Length * d];
            for (int r = 0; r < rows.Length; r++)
            {
                for (int c = 0; c < d; c++)
                {
                    actual[(r * d) + c] = ElementCodec.Unpack(gradient, gradHidden, ((long)rows[r] * d) + c);
                }
            }

            gradError = ErrorMeasures.RelativeBeyondRounding(actual, expected.GradHidden, gradient);
        }

        // Per-row losses are log-domain values like the LSE, so they share its bound.
        string? failure = ErrorMeasures.Exceeds("loss", lossError, tolerance.Lse) ?? tolerance.Check(null, lseError, gradError, null);
        return failure is null ? null : string.Create(CultureInfo.InvariantCulture, $"{pass} on rows {string.Join(",", rows)}: {failure}");
    }

    private double[] Sampled(float[] values) => [.. rows.Select(row => (double)values[row])];

    private static int[] PickRows(TuningInputs inputs)
    {
        var picked = new SortedSet<int> { 0, inputs.Rows - 1 };
        for (int i = 0; picked.Count < Math.Min(SampleRows, inputs.Rows); i++)
        {
            picked.Add(SyntheticValues.Below(inputs.Seed, SampleStream, i, inputs.Rows));
        }

        return [.. picked];
    }
}
