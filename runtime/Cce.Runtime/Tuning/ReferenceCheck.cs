using System.Globalization;
using Cce.Reference;

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

    /// <summary>Relative tolerance of loss and log-sum-exp: both sides accumulate in at least fp32.</summary>
    private const double ValueTolerance = 2e-3;

    private const ulong SampleStream = 5;

    private readonly TuningInputs inputs;
    private readonly int[] rows;
    private readonly ReferenceResult expected;

    public ReferenceCheck(TuningInputs inputs, ulong step)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        this.inputs = inputs;
        LossDescription description = inputs.Description;
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

        int k = description.Negatives;
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
        Func<int, double> correction = inputs.Scheme.ReferenceCorrection(description, CorrectionCatalog, inputs.Source(step));
        expected = ReferenceLoss.Compute(description, hidden, items, targets, negatives, compact.Count, upstream, correction: index => correction(original[index]));
    }

    /// <summary>The catalog size whose correction term the kernels must be launched with for this check.</summary>
    public int CorrectionCatalog { get; }

    /// <summary>Compares the outputs a pass wrote; null arrays are not compared.</summary>
    /// <returns>Null when every sampled value agrees, else the first disagreement.</returns>
    public string? Compare(string pass, float[]? rowLoss, float[]? rowLse, byte[]? gradHidden)
    {
        ElementType gradient = ElementTypes.Gradient(inputs.Description);
        int d = inputs.Description.HiddenSize;
        for (int r = 0; r < rows.Length; r++)
        {
            int row = rows[r];
            if (rowLoss is not null && Differs(rowLoss[row], expected.RowLoss[r], ValueTolerance * (1 + Math.Abs(expected.RowLoss[r]))))
            {
                return Describe(pass, "loss", row, rowLoss[row], expected.RowLoss[r]);
            }

            if (rowLse is not null && Differs(rowLse[row], expected.Lse[r], ValueTolerance * (1 + Math.Abs(expected.Lse[r]))))
            {
                return Describe(pass, "lse", row, rowLse[row], expected.Lse[r]);
            }

            if (gradHidden is null)
            {
                continue;
            }

            ReadOnlySpan<double> reference = expected.GradHidden.AsSpan(r * d, d);
            double scale = 0;
            foreach (double value in reference)
            {
                scale = Math.Max(scale, Math.Abs(value));
            }

            double tolerance = (GradientTolerance(gradient) * scale) + 1e-7;
            for (int c = 0; c < d; c++)
            {
                double actual = ElementCodec.Unpack(gradient, gradHidden, ((long)row * d) + c);
                if (Differs(actual, reference[c], tolerance))
                {
                    return Describe(pass, $"dH[{c}]", row, actual, reference[c]);
                }
            }
        }

        return null;
    }

    /// <summary>Relative to the row's largest gradient: dH is stored in its element type after fp32 accumulation.</summary>
    private static double GradientTolerance(ElementType type) => type switch
    {
        ElementType.Float32 => 1e-3,
        ElementType.Float16 => 4e-3,
        _ => 1.6e-2,
    };

    private static bool Differs(double actual, double expected, double tolerance) =>
        !(Math.Abs(actual - expected) <= tolerance);

    private static string Describe(string pass, string what, int row, double actual, double expected) =>
        string.Create(CultureInfo.InvariantCulture, $"{pass}: row {row} {what} = {actual:G6}, reference {expected:G6}");

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
