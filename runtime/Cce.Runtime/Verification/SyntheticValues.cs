namespace Cce.Verification;

/// <summary>
/// Every random value of the synthetic inputs — of <c>cce verify</c>, the tests and the tuner — as a pure function of
/// (seed, stream, index): a case is reproduced from its seed alone, and the tuner's reference regenerates the few item
/// rows it needs instead of keeping a copy of a catalog that may not fit in host memory.
/// </summary>
internal static class SyntheticValues
{
    /// <summary>Stream of the hidden states.</summary>
    public const ulong Hidden = 1;

    /// <summary>Stream of the item table.</summary>
    public const ulong Items = 2;

    /// <summary>Stream of the targets.</summary>
    public const ulong Targets = 3;

    /// <summary>Stream of explicit negatives.</summary>
    public const ulong Negatives = 4;

    /// <summary>Stream of the scalars of a case: sampling seed and step, upstream gradients, the row kept valid.</summary>
    public const ulong Scalars = 5;

    /// <summary>
    /// A value in ±[1/64, 1/2), never zero, so a kernel that skips a term or leaves an output unwritten
    /// cannot agree with the reference by accident.
    /// </summary>
    public static float Embedding(ulong seed, ulong stream, long index)
    {
        ulong bits = Mix(seed, stream, index);
        float magnitude = (1f / 64) + ((bits >> 40) * (1f / (1 << 24)) * ((1f / 2) - (1f / 64)));
        return (bits & 1) == 0 ? magnitude : -magnitude;
    }

    /// <summary>A value uniform in [−1, 1), 24 bits of it.</summary>
    public static float Symmetric(ulong seed, ulong stream, long index) =>
        ((Mix(seed, stream, index) >> 40) * (2f / (1 << 24))) - 1f;

    /// <summary>A value uniform in [0, 1), 53 bits of it.</summary>
    public static double Unit(ulong seed, ulong stream, long index) =>
        (Mix(seed, stream, index) >> 11) * (1.0 / (1UL << 53));

    /// <summary>64 random bits.</summary>
    public static ulong Bits(ulong seed, ulong stream, long index) => Mix(seed, stream, index);

    /// <summary>An integer uniform in [0, <paramref name="bound"/>).</summary>
    public static int Below(ulong seed, ulong stream, long index, int bound) =>
        (int)(((Mix(seed, stream, index) >> 32) * (ulong)bound) >> 32);

    /// <summary>Whether draw <paramref name="index"/> of <paramref name="stream"/> falls below <paramref name="probability"/>.</summary>
    public static bool Chance(ulong seed, ulong stream, long index, double probability) =>
        (Mix(seed, stream ^ 0x5A5A, index) >> 11) * (1.0 / (1UL << 53)) < probability;

    /// <summary>SplitMix64's finaliser over a combination of the three inputs.</summary>
    private static ulong Mix(ulong seed, ulong stream, long index)
    {
        ulong z = seed ^ (stream * 0x9E3779B97F4A7C15UL) ^ ((ulong)index * 0xD1B54A32D192ED03UL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
