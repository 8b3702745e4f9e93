using Xunit;

namespace Cce.Runtime.Tests.Losses;

public sealed class CorrectionTermTests
{
    [Theory]
    [InlineData(NegativeScheme.UniformPerRow)]
    [InlineData(NegativeScheme.Explicit)]
    [InlineData(NegativeScheme.FullCatalog)]
    public void NoneIsZeroForEveryScheme(NegativeScheme scheme)
    {
        Assert.Equal(0.0, CorrectionTerm.Exact(LogQCorrection.None, scheme, 2047, 893_000));
        Assert.Equal(0f, CorrectionTerm.For(LogQCorrection.None, scheme, 2047, 893_000));
    }

    [Theory]
    [InlineData(2047, 893_000)]
    [InlineData(511, 27_000)]
    [InlineData(1, 1)]
    public void LogQUnderUniformSamplingIsLogOfCatalogOverNegatives(int negatives, int catalog)
    {
        // −log(K·q) with q = 1/V.
        double expected = -Math.Log(negatives * (1.0 / catalog));
        Assert.Equal(expected, CorrectionTerm.Exact(LogQCorrection.LogQ, NegativeScheme.UniformPerRow, negatives, catalog), 12);
        Assert.Equal((float)CorrectionTerm.Exact(LogQCorrection.LogQ, NegativeScheme.UniformPerRow, negatives, catalog), CorrectionTerm.For(LogQCorrection.LogQ, NegativeScheme.UniformPerRow, negatives, catalog));
    }

    [Fact]
    public void PaperIsTheReleasedCodesConstant()
    {
        Assert.Equal(Math.Log(893_000 - 1) - Math.Log(2047 + 1), CorrectionTerm.Exact(LogQCorrection.Paper, NegativeScheme.UniformPerRow, 2047, 893_000));
        Assert.Equal(Math.Log(6) - Math.Log(4), CorrectionTerm.Exact(LogQCorrection.Paper, NegativeScheme.Explicit, 3, 7));
    }

    [Theory]
    [InlineData(NegativeScheme.Explicit)]
    [InlineData(NegativeScheme.Popularity)]
    [InlineData(NegativeScheme.InBatch)]
    [InlineData(NegativeScheme.FullCatalog)]
    public void LogQWithoutOneKnownSamplingProbabilityIsUnsupported(NegativeScheme scheme)
    {
        var error = Assert.Throws<NotSupportedException>(() => CorrectionTerm.For(LogQCorrection.LogQ, scheme, 16, 1000));
        Assert.Contains(scheme.ToString(), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsSizesItCannotTakeTheLogarithmOf()
    {
        Assert.Equal("negatives", Assert.Throws<ArgumentOutOfRangeException>(() => CorrectionTerm.For(LogQCorrection.LogQ, NegativeScheme.UniformPerRow, 0, 1000)).ParamName);
        Assert.Equal("catalog", Assert.Throws<ArgumentOutOfRangeException>(() => CorrectionTerm.For(LogQCorrection.Paper, NegativeScheme.UniformPerRow, 4, 1)).ParamName);
        Assert.Equal("correction", Assert.Throws<ArgumentOutOfRangeException>(() => CorrectionTerm.For((LogQCorrection)7, NegativeScheme.UniformPerRow, 4, 10)).ParamName);
    }
}
