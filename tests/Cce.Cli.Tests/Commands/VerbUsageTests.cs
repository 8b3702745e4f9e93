using Xunit;

namespace Cce.Cli.Tests.Commands;

/// <summary>The verbs keep their rules, now as usage errors from the parser; failures while working exit 3.</summary>
public sealed class VerbUsageTests
{
    [Theory]
    [InlineData("cache")]
    [InlineData("cache", "show")]
    [InlineData("cache", "prune")]
    [InlineData("cache", "prune", "--older-than", "soon")]
    [InlineData("cache", "explain", "--loss", "x", "--rows", "abc", "--catalog", "5")]
    [InlineData("cache", "explain", "--rows", "1", "--catalog", "5")]
    [InlineData("cache", "explain", "--loss", "x", "--rows", "1", "--catalog", "5", "--candidates", "nope")]
    [InlineData("cache", "export")]
    [InlineData("verify", "--scale", "bench", "--loss", "Uniform")]
    [InlineData("verify", "--preset", "shared-beauty")]
    [InlineData("verify", "--scale", "bench", "--preset", "shared-beuaty")]
    [InlineData("verify", "--scale", "large")]
    [InlineData("verify", "--layout", "sideways")]
    [InlineData("tune")]
    [InlineData("tune", "--shapes", "0")]
    [InlineData("tune", "--shapes", "64", "--plan", "file")]
    [InlineData("tune", "--shapes", "64", "--loss", "A", "--all")]
    [InlineData("tune", "--shapes", "64", "--catalog", "-3")]
    public void WrongCommandLinesAreUsageErrors(params string[] args)
    {
        CliRun run = CliRun.Of(args);

        Assert.Equal(ExitCode.Usage, run.ExitCode);
        Assert.Contains("Usage: cce ", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public void TuneNamesAnUnknownLossAndSuggestsACloseOne()
    {
        CliRun run = CliRun.Of("tune", "--device", "cpu", "--shapes", "64", "--loss", "D64K511Los");

        Assert.Equal(ExitCode.Usage, run.ExitCode);
        Assert.Contains("Did you mean 'D64K511Loss'?", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AFailureWhileWorkingIsOneLineAndExitThree()
    {
        string folder = Directory.CreateTempSubdirectory("cce-cli-tests-").FullName;
        string file = Path.GetTempFileName();
        try
        {
            using var cache = new EnvironmentVariable("CCE_CACHE_DIR", folder);

            CliRun run = CliRun.Of("cache", "export", Path.Combine(file, "bundle"));

            Assert.Equal(ExitCode.RuntimeFailure, run.ExitCode);
            Assert.StartsWith("cce cache export: ", run.Error, StringComparison.Ordinal);
            Assert.Single(run.Error.TrimEnd().Split('\n'));
        }
        finally
        {
            File.Delete(file);
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void ShowingAMissingEntryIsAFailedCheck()
    {
        string folder = Directory.CreateTempSubdirectory("cce-cli-tests-").FullName;
        try
        {
            using var cache = new EnvironmentVariable("CCE_CACHE_DIR", folder);

            CliRun run = CliRun.Of("cache", "show", "nothing-here");

            Assert.Equal(ExitCode.CheckFailed, run.ExitCode);
            Assert.Contains("'nothing-here'", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
