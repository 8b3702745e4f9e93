namespace Cce.Cli.Benchmarks;

/// <summary>‖a − b‖₂ / ‖b‖₂ of host arrays, summed in double so that the measure adds no rounding of its own.</summary>
internal static class RelativeDifference
{
    /// <summary>How far <paramref name="value"/> lies from <paramref name="reference"/>, relative to the reference's norm (NaN when that is 0).</summary>
    public static double Of(float[] value, float[] reference) => Of(value, reference, x => x);

    /// <summary>The same for fp16 values.</summary>
    public static double Of(Half[] value, Half[] reference) => Of(value, reference, x => (double)x);

    private static double Of<T>(T[] value, T[] reference, Func<T, double> widen)
    {
        if (value.Length != reference.Length)
        {
            throw new ArgumentException($"Expected arrays of one length; got {value.Length} and {reference.Length}.", nameof(value));
        }

        double difference = 0, norm = 0;
        for (long i = 0; i < value.LongLength; i++)
        {
            double r = widen(reference[i]);
            double d = widen(value[i]) - r;
            difference += d * d;
            norm += r * r;
        }

        return norm > 0 ? Math.Sqrt(difference / norm) : double.NaN;
    }
}
