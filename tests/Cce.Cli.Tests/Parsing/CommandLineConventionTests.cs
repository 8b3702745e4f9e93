using System.Text.Json;
using Xunit;

namespace Cce.Cli.Tests.Parsing;

/// <summary>Help, version, typo suggestions and response files, the same on every verb.</summary>
public sealed class CommandLineConventionTests
{
    public static TheoryData<string> Verbs() =>
    [
        "info", "verify", "bench", "tune", "cache", "cache list", "cache show", "cache explain", "cache export", "cache import", "cache prune", "cache clear",
    ];

    [Theory]
    [MemberData(nameof(Verbs))]
    public void EveryVerbHasHelpUnderBothSpellings(string verb)
    {
        foreach (string help in (string[])["--help", "-h"])
        {
            CliRun run = CliRun.Of([.. verb.Split(' '), help]);

            Assert.Equal(ExitCode.Ok, run.ExitCode);
            Assert.Contains($"cce {verb}", run.Out, StringComparison.Ordinal);
            Assert.Contains("Usage:", run.Out, StringComparison.Ordinal);
            Assert.Empty(run.Error);
        }
    }

    public static TheoryData<string> Actions() =>
    [
        "info", "verify", "bench", "tune", "cache list", "cache show", "cache explain", "cache export", "cache import", "cache prune", "cache clear",
    ];

    [Theory]
    [MemberData(nameof(Actions))]
    public void EveryActionTakesJson(string verb)
    {
        CliRun run = CliRun.Of([.. verb.Split(' '), "--help"]);

        Assert.Contains("--json", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void RootHelpDocumentsDevicesAndExitCodes()
    {
        CliRun run = CliRun.Of("--help");

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        Assert.Contains(ExitCode.Summary, run.Out, StringComparison.Ordinal);
        Assert.Contains(DeviceName.AcceptedForms, run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void VersionPrintsTheAssemblyVersion()
    {
        CliRun run = CliRun.Of("--version");

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", run.Out);
    }

    [Fact]
    public void NoVerbIsAUsageErrorListingTheVerbs()
    {
        CliRun run = CliRun.Of();

        Assert.Equal(ExitCode.Usage, run.ExitCode);
        Assert.Contains("Usage: cce {info|verify|bench|cache|tune}", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("verfy", "verify")]
    [InlineData("bnech", "bench")]
    public void AMistypedVerbSuggestsTheVerb(string typed, string verb)
    {
        CliRun run = CliRun.Of(typed);

        Assert.Equal(ExitCode.Usage, run.ExitCode);
        Assert.Contains($"Did you mean '{verb}'?", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AMistypedOptionSuggestsTheOption()
    {
        CliRun run = CliRun.Of("bench", "--repetiton", "3");

        Assert.Equal(ExitCode.Usage, run.ExitCode);
        Assert.Contains("Did you mean '--repetitions'?", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AResponseFileSuppliesTheArguments()
    {
        string file = Path.GetTempFileName();
        try
        {
            File.WriteAllLines(file, ["info", "--json"]);

            CliRun run = CliRun.Of("@" + file);

            Assert.Equal(ExitCode.Ok, run.ExitCode);
            using JsonDocument json = JsonDocument.Parse(run.Out);
            Assert.Equal(JsonValueKind.Array, json.RootElement.GetProperty("devices").ValueKind);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void AMissingResponseFileIsAUsageErrorNamingIt()
    {
        string file = Path.Combine(Path.GetTempPath(), $"cce-missing-{Guid.NewGuid():N}.rsp");

        CliRun run = CliRun.Of("@" + file);

        Assert.Equal(ExitCode.Usage, run.ExitCode);
        Assert.Contains(file, run.Error.Split('\n')[0], StringComparison.Ordinal);
    }
}
