namespace Cce;

/// <summary>
/// A bfloat16 number: the upper half of an IEEE binary32. Conversions from <see cref="float"/> round to
/// nearest, ties to even, and keep NaN a NaN.
/// </summary>
public readonly struct BFloat16 : IEquatable<BFloat16>
{
    private BFloat16(ushort bits) => Bits = bits;

    /// <summary>The 16 stored bits.</summary>
    public ushort Bits { get; }

    /// <summary>Reinterprets 16 bits as a bfloat16.</summary>
    public static BFloat16 FromBits(ushort bits) => new(bits);

    /// <summary>Rounds a float to the nearest bfloat16, ties to even.</summary>
    public static explicit operator BFloat16(float value) => new(Kernels.ElementConversion.FloatToBFloat16Bits(value));

    /// <summary>Widens to float (exact).</summary>
    public static explicit operator float(BFloat16 value) => BitConverter.UInt32BitsToSingle((uint)value.Bits << 16);

    /// <summary>Bitwise equality.</summary>
    public static bool operator ==(BFloat16 left, BFloat16 right) => left.Bits == right.Bits;

    /// <summary>Bitwise inequality.</summary>
    public static bool operator !=(BFloat16 left, BFloat16 right) => left.Bits != right.Bits;

    /// <inheritdoc />
    public bool Equals(BFloat16 other) => Bits == other.Bits;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is BFloat16 other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => Bits;

    /// <inheritdoc />
    public override string ToString() => ((float)this).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
