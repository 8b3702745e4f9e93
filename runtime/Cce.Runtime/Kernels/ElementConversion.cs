using ILGPU;

namespace Cce.Kernels;

/// <summary>
/// Conversions between fp32 and the 16-bit storage types, usable both inside kernels and on the host.
/// A 32-bit word holds two 16-bit elements, the lower address in the low half.
/// </summary>
public static class ElementConversion
{
    /// <summary>The bfloat16 in the low half of <paramref name="word"/>, widened (exact).</summary>
    public static float BFloat16Low(uint word) => Interop.IntAsFloat(word << 16);

    /// <summary>The bfloat16 in the high half of <paramref name="word"/>, widened (exact).</summary>
    public static float BFloat16High(uint word) => Interop.IntAsFloat(word & 0xFFFF0000u);

    /// <summary>The binary16 in the low half of <paramref name="word"/>, widened (exact).</summary>
    /// <remarks>Through ILGPU's half type, which a GPU widens in one instruction (cvt.f32.f16) where bit arithmetic takes a dozen.</remarks>
    public static float HalfLow(uint word) => Interop.IntAsFloat((ushort)word);

    /// <summary>The binary16 in the high half of <paramref name="word"/>, widened (exact).</summary>
    public static float HalfHigh(uint word) => Interop.IntAsFloat((ushort)(word >> 16));

    /// <summary>Two floats rounded to bfloat16 and packed, <paramref name="low"/> at the lower address.</summary>
    public static uint PackBFloat16(float low, float high) => FloatToBFloat16Bits(low) | ((uint)FloatToBFloat16Bits(high) << 16);

    /// <summary>Two floats rounded to binary16 and packed, <paramref name="low"/> at the lower address.</summary>
    public static uint PackHalf(float low, float high) => FloatToHalfBits(low) | (FloatToHalfBits(high) << 16);

    /// <summary>Rounds a float to bfloat16 bits: nearest, ties to even; NaN stays a (quiet) NaN.</summary>
    public static ushort FloatToBFloat16Bits(float value)
    {
        uint bits = Interop.FloatAsInt(value);
        if ((bits & 0x7FFFFFFFu) > 0x7F800000u)
        {
            return (ushort)((bits >> 16) | 0x40u);
        }

        uint lsb = (bits >> 16) & 1u;
        return (ushort)((bits + 0x7FFFu + lsb) >> 16);
    }

    /// <summary>Rounds a float to binary16 bits: nearest, ties to even; overflow gives infinity, NaN stays NaN.</summary>
    public static uint FloatToHalfBits(float value)
    {
        uint bits = Interop.FloatAsInt(value);
        uint sign = (bits >> 16) & 0x8000u;
        uint magnitude = bits & 0x7FFFFFFFu;
        if (magnitude >= 0x7F800000u)
        {
            return sign | (magnitude > 0x7F800000u ? 0x7E00u : 0x7C00u);
        }

        if (magnitude >= 0x477FF000u)
        {
            // 65520 and above round to infinity.
            return sign | 0x7C00u;
        }

        uint exponent = magnitude >> 23;
        if (exponent < 113u)
        {
            if (exponent < 102u)
            {
                // Below 2^-25: rounds to zero.
                return sign;
            }

            uint full = (magnitude & 0x7FFFFFu) | 0x800000u;
            int shift = 126 - (int)exponent;
            uint result = full >> shift;
            uint remainder = full & ((1u << shift) - 1u);
            uint halfway = 1u << (shift - 1);
            if (remainder > halfway || (remainder == halfway && (result & 1u) != 0))
            {
                result++;
            }

            return sign | result;
        }

        uint rounded = ((exponent - 112u) << 10) | ((magnitude & 0x7FFFFFu) >> 13);
        uint rest = magnitude & 0x1FFFu;
        if (rest > 0x1000u || (rest == 0x1000u && (rounded & 1u) != 0))
        {
            rounded++;
        }

        return sign | rounded;
    }
}
