using Cce.Cli.Input;
using Xunit;

namespace Cce.Cli.Tests.Input;

public sealed class CloseNamesTests
{
    [Fact]
    public void Finds_names_a_few_edits_away_closest_first()
    {
        Assert.Equal(["verify"], CloseNames.Find("verfy", ["info", "verify", "bench"]));
        Assert.Empty(CloseNames.Find("xyz", ["info", "verify", "bench"]));
    }

    [Fact]
    public void Substring_mode_matches_a_part_of_a_name()
    {
        Assert.Equal(["UniformPerRowF32NoneMeanLoss"], CloseNames.Find("UnifromPerRow", ["UniformPerRowF32NoneMeanLoss", "ExplicitF32NoneSumLoss"], substring: true));
    }

    [Fact]
    public void The_hint_is_empty_without_suggestions() => Assert.Equal(string.Empty, CloseNames.Hint([]));
}
