using Cce.Kernels;
using Cce.Runtime.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Cce.Runtime.Tests.Kernels;

public sealed class ElementConversionTests(ITestOutputHelper output)
{
    private static readonly float[] EdgeValues =
    [
        0f, -0f, 1f, -1f, float.Epsilon, -float.Epsilon, float.MaxValue, float.MinValue, float.PositiveInfinity, float.NegativeInfinity,
        float.NaN, -float.NaN, BitConverter.UInt32BitsToSingle(0x7F800001u), BitConverter.UInt32BitsToSingle(0xFFC00001u),
        65504f, 65519.99f, 65520f, 65536f, -65520f, 6.1035156e-05f, 5.9604645e-08f, 2.9802322e-08f, 2.9802326e-08f, 1e-10f,
        BitConverter.UInt32BitsToSingle(0x7F7F8000u), BitConverter.UInt32BitsToSingle(0x7F7F7FFFu), BitConverter.UInt32BitsToSingle(0x7F7FFFFFu),
        BitConverter.UInt32BitsToSingle(0x3F808000u), BitConverter.UInt32BitsToSingle(0x3F818000u), BitConverter.UInt32BitsToSingle(0x00008000u),
        BitConverter.UInt32BitsToSingle(0x00018000u), BitConverter.UInt32BitsToSingle(0x3F801000u), BitConverter.UInt32BitsToSingle(0x3F803000u),
    ];

    [Fact]
    public void EveryBinary16PatternWidensLikeSystemHalf()
    {
        for (uint bits = 0; bits <= 0xFFFF; bits++)
        {
            float expected = (float)BitConverter.UInt16BitsToHalf((ushort)bits);
            // Both halves of a word, as the kernels read them.
            foreach (float actual in new[] { ElementConversion.HalfLow(bits | 0xABCD0000u), ElementConversion.HalfHigh((bits << 16) | 0x1234u) })
            {
                if (float.IsNaN(expected))
                {
                    Assert.True(float.IsNaN(actual), $"0x{bits:X4} widened to {actual}, expected NaN");
                    continue;
                }

                Assert.True(
                    BitConverter.SingleToUInt32Bits(expected) == BitConverter.SingleToUInt32Bits(actual),
                    $"0x{bits:X4} widened to {actual} (0x{BitConverter.SingleToUInt32Bits(actual):X8}), expected {expected}");
            }
        }
    }

    [Fact]
    public void FloatToHalfRoundsLikeSystemHalf()
    {
        var data = new RandomData(output);
        foreach (float value in EdgeValues.Concat(HalfTies()).Concat(RandomFloats(data, 200_000)))
        {
            ushort expected = BitConverter.HalfToUInt16Bits((Half)value);
            uint actual = ElementConversion.FloatToHalfBits(value);
            if (float.IsNaN(value))
            {
                Assert.True(Half.IsNaN(BitConverter.UInt16BitsToHalf((ushort)actual)), $"{value} gave 0x{actual:X4}, expected a NaN; {data}");
                Assert.Equal(expected & 0x8000, (int)(actual & 0x8000));
                continue;
            }

            Assert.True(actual == expected, $"{value:R} (0x{BitConverter.SingleToUInt32Bits(value):X8}) gave 0x{actual:X4}, expected 0x{expected:X4}; {data}");
        }
    }

    [Fact]
    public void FloatToBFloat16RoundsToNearestEven()
    {
        var data = new RandomData(output);
        foreach (float value in EdgeValues.Concat(RandomFloats(data, 200_000)))
        {
            ushort actual = ElementConversion.FloatToBFloat16Bits(value);
            if (float.IsNaN(value))
            {
                Assert.True(float.IsNaN(BitConverter.UInt32BitsToSingle((uint)actual << 16)), $"{value} gave 0x{actual:X4}, expected a NaN; {data}");
                Assert.Equal(BitConverter.SingleToUInt32Bits(value) >> 31, (uint)actual >> 15);
                continue;
            }

            ushort expected = IndependentBFloat16(value);
            Assert.True(actual == expected, $"{value:R} (0x{BitConverter.SingleToUInt32Bits(value):X8}) gave 0x{actual:X4}, expected 0x{expected:X4}; {data}");
        }
    }

    [Fact]
    public void PackedWordsKeepTheLowerAddressInTheLowHalf()
    {
        uint bf16 = ElementConversion.PackBFloat16(1.5f, -2.25f);
        Assert.Equal(0xC0103FC0u, bf16);
        Assert.Equal(1.5f, ElementConversion.BFloat16Low(bf16));
        Assert.Equal(-2.25f, ElementConversion.BFloat16High(bf16));

        uint half = ElementConversion.PackHalf(1.5f, -2.25f);
        Assert.Equal(((uint)BitConverter.HalfToUInt16Bits((Half)(-2.25f)) << 16) | BitConverter.HalfToUInt16Bits((Half)1.5f), half);
        Assert.Equal(1.5f, ElementConversion.HalfLow(half));
        Assert.Equal(-2.25f, ElementConversion.HalfHigh(half));
    }

    // Values halfway between two neighbouring binary16 numbers, normal and subnormal, where ties-to-even decides.
    private static IEnumerable<float> HalfTies()
    {
        for (ushort bits = 0; bits < 0x7BFF; bits += 37)
        {
            double low = (double)BitConverter.UInt16BitsToHalf(bits);
            double high = (double)BitConverter.UInt16BitsToHalf((ushort)(bits + 1));
            yield return (float)((low + high) / 2);
            yield return -(float)((low + high) / 2);
        }
    }

    // Random bit patterns over every exponent, and random values scaled like embeddings.
    private static IEnumerable<float> RandomFloats(RandomData data, int count)
    {
        for (int i = 0; i < count; i++)
        {
            yield return i % 2 == 0
                ? BitConverter.UInt32BitsToSingle((uint)data.Random.NextInt64(1L << 32))
                : (float)((data.Random.NextDouble() - 0.5) * Math.Pow(2, data.Random.Next(-30, 20)));
        }
    }

    // Picks the nearer of the two bfloat16 neighbours in fp64, the even one on a tie; past the largest finite one,
    // the next "neighbour" is 2^128, where rounding gives infinity.
    private static ushort IndependentBFloat16(float value)
    {
        uint bits = BitConverter.SingleToUInt32Bits(value);
        uint sign = bits & 0x80000000u;
        uint truncated = bits & 0x7FFF0000u;
        double magnitude = Math.Abs((double)value);
        double below = BitConverter.UInt32BitsToSingle(truncated);
        if (double.IsInfinity(below))
        {
            return (ushort)((sign | truncated) >> 16);
        }

        uint next = truncated + 0x10000u;
        double above = next >= 0x7F800000u ? Math.Pow(2, 128) : BitConverter.UInt32BitsToSingle(next);
        bool roundUp = magnitude - below > above - magnitude
            || (magnitude - below == above - magnitude && ((truncated >> 16) & 1) == 1);
        return (ushort)((sign | (roundUp ? next : truncated)) >> 16);
    }
}
