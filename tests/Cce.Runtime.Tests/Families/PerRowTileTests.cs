using Xunit;

namespace Cce.Runtime.Tests.Families;

/// <summary>The canonical texts of per-row tiles, as the tuning cache stores them: each names one tile and reads back to it.</summary>
public sealed class PerRowTileTests
{
    public static TheoryData<string, PerRowTile> Texts() => new()
    {
        { "w8r16f2", new PerRowTile(8, 16, 2) },
        { "w4r4f2l8", new PerRowTile(4, 4, 2, LanesPerItem: 8) },
        { "w4r4f4s64k", new PerRowTile(4, 4, 4, PerRowPipeline.Sorted, 65536) },
        { "w4r4f4s1kl16", new PerRowTile(4, 4, 4, PerRowPipeline.Sorted, 1024, 16) },
        { "w4r4f4s64kl16g4", new PerRowTile(4, 4, 4, PerRowPipeline.Sorted, 65536, 16, 4) },
        { "w8r8f2g2", new PerRowTile(8, 8, 2, MinGroupsPerMultiprocessor: 2) },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void TheCanonicalTextReadsBackToItsTile(string text, PerRowTile tile)
    {
        Assert.Equal(text, tile.CanonicalText);
        Assert.True(PerRowTile.TryParse(text, out PerRowTile? parsed));
        Assert.Equal(tile, parsed);
        Assert.Equal(tile, KernelTile.Parse(text));
    }

    [Theory]
    [InlineData("w4r4f2s65k")]
    [InlineData("w4r4f2s0k")]
    [InlineData("w4r4f2l0")]
    [InlineData("w4r4f2k64")]
    [InlineData("w4r4f2s64")]
    [InlineData("w4r4f2g0")]
    [InlineData("w4r4f2g4l8")]
    public void TextsThatNameNoTileAreRefused(string text) => Assert.False(PerRowTile.TryParse(text, out _));
}
