namespace Cce.Gen.SourceGenerators.Emitting;

/// <summary>The exponent of the power-of-two sizes (lanes, windows) that emitted code shifts by instead of dividing.</summary>
internal static class PowerOfTwo
{
    /// <summary>The smallest n with 2^n at least <paramref name="value"/>: the exponent itself for a power of two.</summary>
    public static int Log2(int value)
    {
        int log = 0;
        while ((1 << log) < value)
        {
            log++;
        }

        return log;
    }
}
