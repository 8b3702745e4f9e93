namespace Cce.Verification;

/// <summary>
/// How far a kernel's outputs are from the fp64 reference, the measures <see cref="Tolerance"/> bounds: written once,
/// used by <c>cce verify</c>, the tests and the tuner's check of every candidate.
/// </summary>
public static class ErrorMeasures
{
    /// <summary>‖out − ref‖₂ / ‖ref‖₂ (‖out − ref‖₂ when the reference is 0); NaN when any output is not finite.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static double Relative(IReadOnlyList<double> actual, IReadOnlyList<double> expected)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(expected);
        if (actual.Count != expected.Count)
        {
            return double.NaN;
        }

        double difference = 0, norm = 0;
        for (int i = 0; i < actual.Count; i++)
        {
            if (!double.IsFinite(actual[i]))
            {
                return double.NaN;
            }

            double delta = actual[i] - expected[i];
            difference += delta * delta;
            norm += expected[i] * expected[i];
        }

        return norm == 0 ? Math.Sqrt(difference) : Math.Sqrt(difference / norm);
    }

    /// <summary>
    /// ‖slack‖₂ / ‖ref‖₂ (‖slack‖₂ when the reference is 0): how much further <see cref="Relative"/> may go when each
    /// element may miss up to its slack (0 without slack).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="expected"/> is null.</exception>
    public static double RelativeSlack(IReadOnlyList<double>? slack, IReadOnlyList<double> expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        if (slack is null)
        {
            return 0;
        }

        double squares = 0, norm = 0;
        for (int i = 0; i < expected.Count; i++)
        {
            squares += slack[i] * slack[i];
            norm += expected[i] * expected[i];
        }

        return norm == 0 ? Math.Sqrt(squares) : Math.Sqrt(squares / norm);
    }

    /// <summary>
    /// <see cref="Relative"/> of what remains once each element is allowed one unit in the last place of
    /// <paramref name="storage"/> at the reference's value: the computation's own error, beyond the rounding of its
    /// output. At the scale of a training batch a 16-bit dH is small enough (the mean divides by N) to land among
    /// fp16's subnormals, whose fixed spacing alone exceeds any relative bound; this measure stays meaningful there.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static double RelativeBeyondRounding(IReadOnlyList<double> actual, IReadOnlyList<double> expected, ElementType storage)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(expected);
        if (actual.Count != expected.Count)
        {
            return double.NaN;
        }

        double excess = 0;
        for (int i = 0; i < actual.Count; i++)
        {
            if (!double.IsFinite(actual[i]))
            {
                return double.NaN;
            }

            double beyond = Math.Max(0, Math.Abs(actual[i] - expected[i]) - UnitInLastPlace(expected[i], storage));
            excess += beyond * beyond;
        }

        double norm = Norm(expected);
        return norm == 0 ? Math.Sqrt(excess) : Math.Sqrt(excess) / norm;
    }

    /// <summary>
    /// <see cref="Relative"/> for log-domain values (the loss, the LSE): computed as max + log(sum), their fp32 rounding
    /// is absolute, about eps·|max|, however close to 0 they land, so they are measured relative to their magnitude but
    /// never to less than 1.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static double LogDomain(IReadOnlyList<double> actual, IReadOnlyList<double> expected)
    {
        double relative = Relative(actual, expected);
        double norm = Norm(expected);
        return norm is > 0 and < 1 ? relative * norm : relative;
    }

    /// <summary>|out − ref| / max(|ref|, 1) of one reduced loss; NaN when the output is not finite.</summary>
    public static double Scalar(double actual, double expected) =>
        !double.IsFinite(actual) ? double.NaN : Math.Abs(actual - expected) / Math.Max(Math.Abs(expected), 1.0);

    /// <summary>Null when <paramref name="error"/> is absent or within <paramref name="bound"/>, else what exceeded it.</summary>
    public static string? Exceeds(string quantity, double? error, double bound) =>
        error is not double value || value <= bound ? null : FormattableString.Invariant($"{quantity} error {value:E2} exceeds {bound:E0}");

    internal static double[] Widen(float[] values) => Array.ConvertAll(values, v => (double)v);

    private static double Norm(IReadOnlyList<double> values) => Math.Sqrt(values.Sum(v => v * v));

    /// <summary>The spacing of <paramref name="storage"/>'s values around <paramref name="value"/>, subnormals included.</summary>
    private static double UnitInLastPlace(double value, ElementType storage)
    {
        (int mantissaBits, int minExponent) = storage switch
        {
            ElementType.Float16 => (10, -14),
            ElementType.BFloat16 => (7, -126),
            _ => (23, -126),
        };
        int exponent = value == 0 ? minExponent : Math.Max(minExponent, Math.ILogB(value));
        return Math.ScaleB(1.0, exponent - mantissaBits);
    }
}
