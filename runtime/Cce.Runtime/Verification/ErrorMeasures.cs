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
    /// <see cref="Relative"/> for log-domain values (the loss, the LSE): computed as max + log(sum), their fp32 rounding
    /// is absolute, about eps·|max|, however close to 0 they land, so they are measured relative to their magnitude but
    /// never to less than 1.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static double LogDomain(IReadOnlyList<double> actual, IReadOnlyList<double> expected)
    {
        double relative = Relative(actual, expected);
        double norm = Math.Sqrt(expected.Sum(v => v * v));
        return norm is > 0 and < 1 ? relative * norm : relative;
    }

    /// <summary>|out − ref| / max(|ref|, 1) of one reduced loss; NaN when the output is not finite.</summary>
    public static double Scalar(double actual, double expected) =>
        !double.IsFinite(actual) ? double.NaN : Math.Abs(actual - expected) / Math.Max(Math.Abs(expected), 1.0);

    /// <summary>Null when <paramref name="error"/> is absent or within <paramref name="bound"/>, else what exceeded it.</summary>
    public static string? Exceeds(string quantity, double? error, double bound) =>
        error is not double value || value <= bound ? null : FormattableString.Invariant($"{quantity} error {value:E2} exceeds {bound:E0}");

    internal static double[] Widen(float[] values) => Array.ConvertAll(values, v => (double)v);
}
