namespace Cce.Reference;

/// <summary>
/// The fp64 CPU reference of SPEC §2, written for clarity rather than speed: the oracle every kernel is checked
/// against. Accidental hits (a negative equal to the row's positive) are masked in the forward and the backward
/// pass alike; duplicate negatives each count; non-finite inputs propagate NaN into the loss.
/// </summary>
public static class ReferenceLoss
{
    /// <summary>Loss, per-row log-sum-exp and gradients for negatives given as an [N, K] row-major array.</summary>
    /// <param name="description">Hidden size D, negatives K, correction, reduction and ignore index.</param>
    /// <param name="hidden">H, [N, D] row-major.</param>
    /// <param name="items">W, [V, D] row-major.</param>
    /// <param name="targets">Positive item of each row, [N], or the ignore index.</param>
    /// <param name="negatives">Negative items, [N, K] row-major, each in [0, V) (those of ignored rows too, though they are not used).</param>
    /// <param name="catalog">Catalog size V.</param>
    /// <param name="upstream">Gradient of the objective with respect to the reduced loss (every row's loss for <see cref="LossReduction.None"/>).</param>
    /// <param name="upstreamPerRow">For <see cref="LossReduction.None"/> only: the gradient with respect to each row's loss, [N]; overrides <paramref name="upstream"/>.</param>
    /// <param name="correction">The correction c(j) of each item; null for the description's constant (<see cref="CorrectionTerm.Exact"/>).</param>
    /// <param name="slotsPerRow">
    /// Negative slots of each row when <paramref name="targets"/> are a sample of a larger call (in-batch, the call's group
    /// size); null for <see cref="LossDescription.NegativesPerRow"/> of these rows.
    /// </param>
    /// <exception cref="ArgumentException">A shape, index or value does not fit the description; the message names the argument.</exception>
    public static ReferenceResult Compute(
        LossDescription description,
        double[] hidden,
        double[] items,
        int[] targets,
        int[] negatives,
        int catalog,
        double upstream = 1.0,
        double[]? upstreamPerRow = null,
        Func<int, double>? correction = null,
        int? slotsPerRow = null)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(negatives);
        if (slotsPerRow is int given)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(given, nameof(slotsPerRow));
        }

        int k = slotsPerRow ?? description.NegativesPerRow(targets.Length, catalog);
        long expected = (long)targets.Length * k;
        if (negatives.Length != expected)
        {
            throw new ArgumentException($"Expected {targets.Length} x {k} = {expected} negatives; got {negatives.Length}.", nameof(negatives));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(catalog, 1);
        int bad = Array.FindIndex(negatives, j => (uint)j >= (uint)catalog);
        if (bad >= 0)
        {
            throw new ArgumentException($"Expected negatives in [0, {catalog}); got {negatives[bad]} at index {bad}.", nameof(negatives));
        }

        return Compute(description, hidden, items, targets, (row, slot) => negatives[(row * k) + slot], catalog, upstream, upstreamPerRow, correction, k);
    }

    /// <summary>Loss, per-row log-sum-exp and gradients for negatives given as a function of (row, slot).</summary>
    /// <param name="description">Hidden size D, negatives K, correction, reduction and ignore index.</param>
    /// <param name="hidden">H, [N, D] row-major.</param>
    /// <param name="items">W, [V, D] row-major.</param>
    /// <param name="targets">Positive item of each row, [N], or the ignore index.</param>
    /// <param name="negative">
    /// The negative item of (row, slot), called only for non-ignored rows; for <see cref="NegativeScheme.UniformPerRow"/>
    /// pass the draws of <see cref="Kernels.UniformSampler"/>.
    /// </param>
    /// <param name="catalog">Catalog size V.</param>
    /// <param name="upstream">Gradient of the objective with respect to the reduced loss (every row's loss for <see cref="LossReduction.None"/>).</param>
    /// <param name="upstreamPerRow">For <see cref="LossReduction.None"/> only: the gradient with respect to each row's loss, [N]; overrides <paramref name="upstream"/>.</param>
    /// <param name="correction">The correction c(j) of each item; null for the description's constant (<see cref="CorrectionTerm.Exact"/>).</param>
    /// <param name="slotsPerRow">
    /// Negative slots of each row when <paramref name="targets"/> are a sample of a larger call (in-batch, the call's group
    /// size); null for <see cref="LossDescription.NegativesPerRow"/> of these rows.
    /// </param>
    /// <exception cref="ArgumentException">A shape, index or value does not fit the description; the message names the argument.</exception>
    public static ReferenceResult Compute(
        LossDescription description,
        double[] hidden,
        double[] items,
        int[] targets,
        Func<int, int, int> negative,
        int catalog,
        double upstream = 1.0,
        double[]? upstreamPerRow = null,
        Func<int, double>? correction = null,
        int? slotsPerRow = null)
    {
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(hidden);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(targets);
        ArgumentNullException.ThrowIfNull(negative);
        if (slotsPerRow is int given)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(given, nameof(slotsPerRow));
        }

        int d = description.HiddenSize;
        int k = slotsPerRow ?? description.NegativesPerRow(targets.Length, catalog);
        int rows = targets.Length;
        Validate(description, hidden, items, targets, catalog, upstream, upstreamPerRow);

        if (correction is null)
        {
            double constant = CorrectionTerm.Exact(description.Correction, description.Scheme, k, catalog);
            correction = _ => constant;
        }

        var rowLoss = new double[rows];
        var lse = new double[rows];
        var gradHidden = new double[(long)rows * d];
        var gradItems = new double[(long)catalog * d];
        bool filtering = description.GradientFilter > 0f;
        double[]? filterHidden = filtering ? new double[(long)rows * d] : null;
        double[]? filterItems = filtering ? new double[(long)catalog * d] : null;
        var draws = new int[k];
        var logits = new double[k];
        int valid = CountValid(targets, description.IgnoreIndex);
        double total = 0;

        for (int n = 0; n < rows; n++)
        {
            int y = targets[n];
            if (y == description.IgnoreIndex)
            {
                continue;
            }

            ReadOnlySpan<double> h = hidden.AsSpan(n * d, d);
            double positive = Dot(h, items.AsSpan(y * d, d));
            double max = positive;
            for (int slot = 0; slot < k; slot++)
            {
                int j = negative(n, slot);
                if ((uint)j >= (uint)catalog)
                {
                    throw new ArgumentException($"Expected negative ({n}, {slot}) in [0, {catalog}); got {j}.", nameof(negative));
                }

                draws[slot] = j;
                logits[slot] = Dot(h, items.AsSpan(j * d, d)) + correction(j);
                if (j != y)
                {
                    max = Math.Max(max, logits[slot]);
                }
            }

            // Shifting by the largest logit keeps every exponential at most 1; Math.Max propagates NaN.
            double sum = Math.Exp(positive - max);
            for (int slot = 0; slot < k; slot++)
            {
                if (draws[slot] != y)
                {
                    sum += Math.Exp(logits[slot] - max);
                }
            }

            double rowLse = max + Math.Log(sum);
            lse[n] = rowLse;
            rowLoss[n] = rowLse - positive;
            total += rowLoss[n];

            double g = description.Reduction switch
            {
                LossReduction.Mean => upstream / valid,
                LossReduction.Sum => upstream,
                _ => upstreamPerRow is null ? upstream : upstreamPerRow[n],
            };

            double positiveWeight = g * (Math.Exp(positive - rowLse) - 1.0);
            Span<double> dh = gradHidden.AsSpan(n * d, d);
            AddScaled(dh, positiveWeight, items.AsSpan(y * d, d));
            AddScaled(gradItems.AsSpan(y * d, d), positiveWeight, h);
            for (int slot = 0; slot < k; slot++)
            {
                int j = draws[slot];
                if (j == y)
                {
                    continue;
                }

                double p = Math.Exp(logits[slot] - rowLse);
                AddScaled(dh, g * p, items.AsSpan(j * d, d));
                AddScaled(gradItems.AsSpan(j * d, d), g * p, h);
                // The kernels compare an fp32 probability; a margin of 1e-3 covers its rounding at the threshold.
                if (filtering && p < description.GradientFilter * 1.001)
                {
                    AddMagnitudes(filterHidden.AsSpan(n * d, d), g * p, items.AsSpan(j * d, d));
                    AddMagnitudes(filterItems.AsSpan(j * d, d), g * p, h);
                }
            }
        }

        // A batch whose rows are all ignored contributes nothing: its mean is 0 (not 0/0), as the kernels return.
        double loss = description.Reduction == LossReduction.Mean && valid > 0 ? total / valid : total;
        return new ReferenceResult(loss, rowLoss, lse, gradHidden, gradItems, valid)
        {
            FilterSlackHidden = filterHidden,
            FilterSlackItems = filterItems,
        };
    }

    private static void Validate(
        LossDescription description, double[] hidden, double[] items, int[] targets, int catalog, double upstream, double[]? upstreamPerRow)
    {
        int d = description.HiddenSize;
        int rows = targets.Length;
        if (d < 1)
        {
            throw new ArgumentException($"Expected a hidden size >= 1; got {d}.", nameof(description));
        }

        if (description.NegativesPerRow(targets.Length, catalog) < 1)
        {
            throw new ArgumentException($"Expected negatives K >= 1; got {description.Negatives}.", nameof(description));
        }

        if (!Enum.IsDefined(description.Reduction))
        {
            throw new ArgumentException($"Expected reduction Mean, Sum or None; got {description.Reduction}.", nameof(description));
        }

        if (catalog < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(catalog), catalog, "Expected catalog V >= 1.");
        }

        if (rows < 1)
        {
            throw new ArgumentException("Expected at least one row; got 0 targets.", nameof(targets));
        }

        if (hidden.LongLength != (long)rows * d)
        {
            throw new ArgumentException($"Expected hidden of {rows} x {d} = {(long)rows * d} values; got {hidden.LongLength}.", nameof(hidden));
        }

        if (items.LongLength != (long)catalog * d)
        {
            throw new ArgumentException($"Expected items of {catalog} x {d} = {(long)catalog * d} values; got {items.LongLength}.", nameof(items));
        }

        for (int n = 0; n < rows; n++)
        {
            int y = targets[n];
            if (y != description.IgnoreIndex && (uint)y >= (uint)catalog)
            {
                throw new ArgumentException($"Expected target {n} in [0, {catalog}) or {description.IgnoreIndex}; got {y}.", nameof(targets));
            }
        }

        if (!double.IsFinite(upstream))
        {
            throw new ArgumentOutOfRangeException(nameof(upstream), upstream, "Expected a finite upstream gradient.");
        }

        if (upstreamPerRow is not null)
        {
            if (description.Reduction != LossReduction.None)
            {
                throw new ArgumentException($"Expected no per-row upstream with reduction {description.Reduction}: it applies to reduction None only.", nameof(upstreamPerRow));
            }

            if (upstreamPerRow.Length != rows)
            {
                throw new ArgumentException($"Expected {rows} per-row upstream values; got {upstreamPerRow.Length}.", nameof(upstreamPerRow));
            }

            int bad = Array.FindIndex(upstreamPerRow, value => !double.IsFinite(value));
            if (bad >= 0)
            {
                throw new ArgumentException($"Expected finite per-row upstream values; got {upstreamPerRow[bad]} at row {bad}.", nameof(upstreamPerRow));
            }
        }
    }

    private static int CountValid(int[] targets, int ignoreIndex)
    {
        int count = 0;
        foreach (int y in targets)
        {
            if (y != ignoreIndex)
            {
                count++;
            }
        }

        return count;
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double sum = 0;
        for (int i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    private static void AddMagnitudes(Span<double> destination, double scale, ReadOnlySpan<double> source)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] += Math.Abs(scale * source[i]);
        }
    }

    private static void AddScaled(Span<double> destination, double scale, ReadOnlySpan<double> source)
    {
        for (int i = 0; i < destination.Length; i++)
        {
            destination[i] += scale * source[i];
        }
    }
}
