using Cce.Kernels;
using Xunit;

namespace Cce.Runtime.Tests.Kernels;

public sealed class PhiloxTests
{
    // Random123's kat_vectors for philox4x32 with 10 rounds: counter (4 words), key (2 words), expected block (4 words).
    public static TheoryData<uint[], uint[], uint[]> KnownAnswers => new()
    {
        { [0u, 0u, 0u, 0u], [0u, 0u], [0x6627e8d5u, 0xe169c58du, 0xbc57ac4cu, 0x9b00dbd8u] },
        { [0xffffffffu, 0xffffffffu, 0xffffffffu, 0xffffffffu], [0xffffffffu, 0xffffffffu], [0x408f276du, 0x41c83b0eu, 0xa20bc7c6u, 0x6d5451fdu] },
        { [0x243f6a88u, 0x85a308d3u, 0x13198a2eu, 0x03707344u], [0xa4093822u, 0x299f31d0u], [0xd16cfe09u, 0x94fdccebu, 0x5001e420u, 0x24126ea1u] },
    };

    [Theory]
    [MemberData(nameof(KnownAnswers))]
    public void MatchesPublishedKnownAnswers(uint[] counter, uint[] key, uint[] expected)
    {
        U4 block = Philox.Generate(new U4(counter[0], counter[1], counter[2], counter[3]), key[0], key[1]);

        Assert.Equal(expected, new[] { block.X, block.Y, block.Z, block.W });
    }
}
