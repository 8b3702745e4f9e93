namespace Cce.Reference;

/// <summary>Host inputs widened to fp64 for <see cref="ReferenceLoss"/>: each stored value exactly, so the reference sees what the kernels see.</summary>
public static class ReferenceConversion
{
    /// <summary>Widens fp32 values (exact).</summary>
    public static double[] ToDouble(ReadOnlySpan<float> values)
    {
        var result = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = values[i];
        }

        return result;
    }

    /// <summary>Widens binary16 values (exact).</summary>
    public static double[] ToDouble(ReadOnlySpan<Half> values)
    {
        var result = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = (double)values[i];
        }

        return result;
    }

    /// <summary>Widens bfloat16 values (exact).</summary>
    public static double[] ToDouble(ReadOnlySpan<BFloat16> values)
    {
        var result = new double[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            result[i] = (float)values[i];
        }

        return result;
    }
}
