using Xunit;

namespace Cce.Runtime.Tests.Buffers;

public sealed class BFloat16Tests
{
    [Theory]
    [InlineData(1.0f, (ushort)0x3F80)]
    [InlineData(-2.0f, (ushort)0xC000)]
    [InlineData(0.0f, (ushort)0x0000)]
    [InlineData(-0.0f, (ushort)0x8000)]
    [InlineData(float.PositiveInfinity, (ushort)0x7F80)]
    [InlineData(3.3895314e38f, (ushort)0x7F7F)]
    [InlineData(float.MaxValue, (ushort)0x7F80)]
    public void ConvertsFromFloatByRoundingToNearestEven(float value, ushort bits)
    {
        Assert.Equal(bits, ((BFloat16)value).Bits);
    }

    [Fact]
    public void TiesGoToTheEvenNeighbour()
    {
        // 1 + 2^-8 lies halfway between 1 (even) and 1 + 2^-7 (odd); 1 + 3·2^-8 between 1 + 2^-7 (odd) and 1 + 2^-6 (even).
        Assert.Equal(1.0f, (float)(BFloat16)(1.0f + MathF.Pow(2, -8)));
        Assert.Equal(1.0f + MathF.Pow(2, -6), (float)(BFloat16)(1.0f + (3 * MathF.Pow(2, -8))));
    }

    [Fact]
    public void WidensEveryPatternExactly()
    {
        for (int bits = 0; bits <= 0xFFFF; bits++)
        {
            float widened = (float)BFloat16.FromBits((ushort)bits);
            Assert.Equal((uint)bits << 16, BitConverter.SingleToUInt32Bits(widened));
            if (!float.IsNaN(widened))
            {
                Assert.Equal((ushort)bits, ((BFloat16)widened).Bits);
            }
        }
    }

    [Fact]
    public void NaNStaysNaN()
    {
        Assert.True(float.IsNaN((float)(BFloat16)float.NaN));
        Assert.True(float.IsNaN((float)(BFloat16)BitConverter.UInt32BitsToSingle(0x7F800001u)));
    }

    [Fact]
    public void EqualityIsBitwise()
    {
        BFloat16 one = (BFloat16)1.0f;
        Assert.True(one == BFloat16.FromBits(0x3F80));
        Assert.True(one != (BFloat16)(-1.0f));
        Assert.True(one.Equals((object)BFloat16.FromBits(0x3F80)));
        Assert.Equal(one.GetHashCode(), BFloat16.FromBits(0x3F80).GetHashCode());
        Assert.False((BFloat16)0.0f == (BFloat16)(-0.0f));
        Assert.Equal("1.5", ((BFloat16)1.5f).ToString());
    }
}
