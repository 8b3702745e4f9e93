using Cce.Cli.Input;
using Xunit;

namespace Cce.Cli.Tests.Input;

public sealed class CloseNamesTests
{
    [Fact]
    public void FindsNamesAFewEditsAwayClosestFirst()
    {
        Assert.Equal(["verify"], CloseNames.Find("verfy", ["info", "verify", "bench"]));
        Assert.Empty(CloseNames.Find("xyz", ["info", "verify", "bench"]));
    }

    [Fact]
    public void SubstringModeMatchesAPartOfAName()
    {
        Assert.Equal(["UniformPerRowF32NoneMeanLoss"], CloseNames.Find("UnifromPerRow", ["UniformPerRowF32NoneMeanLoss", "ExplicitF32NoneSumLoss"], substring: true));
    }

    [Fact]
    public void TheHintIsEmptyWithoutSuggestions() => Assert.Equal(string.Empty, CloseNames.Hint([]));
}
