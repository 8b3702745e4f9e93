namespace Cce.Verification;

/// <summary>Host conversions between fp32 and the element types, for generic verification code.</summary>
internal static class HostElements
{
    public static T FromFloat<T>(float value)
        where T : unmanaged
    {
        if (typeof(T) == typeof(float))
        {
            return (T)(object)value;
        }

        if (typeof(T) == typeof(Half))
        {
            return (T)(object)(Half)value;
        }

        return (T)(object)(BFloat16)value;
    }

    public static double ToDouble<T>(T value)
        where T : unmanaged => value switch
        {
            float f => f,
            Half h => (double)h,
            BFloat16 b => (float)b,
            _ => throw new NotSupportedException($"Expected float, Half or BFloat16; got {typeof(T).Name}."),
        };

    public static T[] FromFloats<T>(float[] values)
        where T : unmanaged => Array.ConvertAll(values, FromFloat<T>);

    public static double[] ToDoubles<T>(T[] values)
        where T : unmanaged => Array.ConvertAll(values, ToDouble);
}
