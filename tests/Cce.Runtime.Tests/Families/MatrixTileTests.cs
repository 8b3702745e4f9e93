using Xunit;

namespace Cce.Runtime.Tests.Families;

/// <summary>The canonical texts of matrix tiles, as the tuning cache stores them: each names one tile of its family and reads back to it.</summary>
public sealed class MatrixTileTests
{
    public static TheoryData<string, MatrixTile> Texts() => new()
    {
        { "m128n64k32w8s2", new MatrixTile(128, 64, 32, 8, 2) },
        { "m64n64k16w4s3", new MatrixTile(64, 64, 16, 4, 3) },
        { "m128n128k16w4s2", new MatrixTile(128, 128, 16, 4, 2) },
        { "m128n128k256w8s2wg", new MatrixTile(128, 128, 256, 8, 2, WarpGroups: true) },
        { "m192n16k64w12s4wg", new MatrixTile(192, 16, 64, 12, 4, WarpGroups: true) },
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void TheCanonicalTextReadsBackToItsTile(string text, MatrixTile tile)
    {
        Assert.Equal(text, tile.CanonicalText);
        Assert.Equal(MatrixTile.FamilyName, tile.Family);
        Assert.True(MatrixTile.TryParse(text, out MatrixTile? parsed));
        Assert.Equal(tile, parsed);
        Assert.Equal(tile, KernelTile.Parse(text));
    }

    [Theory]
    [InlineData("m128n64k32w8")]
    [InlineData("m0n64k32w8s2")]
    [InlineData("m128n64k32w8s2g4")]
    [InlineData("m128n64k32w8s2w")]
    [InlineData("m128n64k32w8s2wgwg")]
    [InlineData("wgm128n64k32w8s2")]
    [InlineData("w4r4f2")]
    [InlineData("m-1n64k32w8s2")]
    [InlineData("")]
    [InlineData(null)]
    public void TextsThatNameNoMatrixTileAreRefused(string? text) => Assert.False(MatrixTile.TryParse(text, out _));

    [Fact]
    public void AWarpGroupTileIsAnotherTileThanItsMmaSyncTwin()
    {
        Assert.NotEqual(new MatrixTile(128, 128, 256, 8, 2), new MatrixTile(128, 128, 256, 8, 2, WarpGroups: true));
        Assert.NotEqual(KernelTile.Parse("m128n128k256w8s2"), KernelTile.Parse("m128n128k256w8s2wg"));
    }

    [Fact]
    public void EachFamilyReadsOnlyItsOwnTexts()
    {
        Assert.IsType<PerRowTile>(KernelTile.Parse("w4r4f2"));
        Assert.IsType<MatrixTile>(KernelTile.Parse("m64n64k16w4s2"));
        Assert.False(PerRowTile.TryParse("m64n64k16w4s2", out _));
    }
}
