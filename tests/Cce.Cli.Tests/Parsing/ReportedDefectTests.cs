using Xunit;

namespace Cce.Cli.Tests.Parsing;

/// <summary>Each defect users reported against the hand-written parser, now a usage error: one line, exit 2, no stack trace.</summary>
public sealed class ReportedDefectTests
{
    [Theory]
    [InlineData("verify", "--device", "gpu")]
    [InlineData("bench", "--device", "gpu")]
    [InlineData("verify", "--seed", "abc")]
    [InlineData("bench", "--scale", "abc")]
    [InlineData("bench", "--scale", "2")]
    [InlineData("bench", "--repetitions", "0")]
    public void ABadValueIsAUsageErrorNamingTheOptionAndTheValue(string verb, string option, string value)
    {
        CliRun run = CliRun.Of(verb, option, value);

        Assert.Equal(ExitCode.Usage, run.ExitCode);
        string first = run.Error.Split('\n')[0];
        Assert.Contains(option, first, StringComparison.Ordinal);
        Assert.Contains($"'{value}'", first, StringComparison.Ordinal);
        Assert.Contains($"Usage: cce {verb}", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.All, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public void VerifyHelpShowsTheOptionsInsteadOfAnUnknownOption()
    {
        CliRun run = CliRun.Of("verify", "--help");

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        Assert.Contains("--layout", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Unknown option", run.All, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("-d", "cpu")]
    [InlineData("cpu")]
    [InlineData("--loss", "x", "stray")]
    public void StrayWordsAreRejectedNotIgnored(params string[] words)
    {
        CliRun run = CliRun.Of(["verify", .. words]);

        Assert.Equal(ExitCode.Usage, run.ExitCode);
        Assert.Contains("unknown", run.Error.Split('\n')[0], StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Fact]
    public void AnUnknownLossIsAnErrorNamingItNotZeroPassingCases()
    {
        CliRun run = CliRun.Of("verify", "--device", "cpu", "--loss", "NoSuchLoss");

        Assert.Equal(ExitCode.Usage, run.ExitCode);
        Assert.Contains("'NoSuchLoss'", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("passed", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public void AMistypedLossSuggestsTheCloseNames()
    {
        CliRun run = CliRun.Of("verify", "--device", "cpu", "--loss", "UnifromPerRowF32NoneMean");

        Assert.Equal(ExitCode.Usage, run.ExitCode);
        Assert.Contains($"Did you mean '{CliRun.SmallLoss}'", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--json=false")]
    [InlineData("--json:false")]
    public void JsonFalseTurnsJsonOff(string option)
    {
        CliRun run = CliRun.Of("info", option);

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        Assert.DoesNotContain("{", run.Out, StringComparison.Ordinal);
        Assert.Contains("default: ", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void TheDeviceNameInfoPrintsIsAcceptedByDevice()
    {
        CliRun info = CliRun.Of("info");
        Assert.Contains("cpu:0", info.Out, StringComparison.Ordinal);

        CliRun verify = CliRun.Of("verify", "--device", "cpu:0", "--loss", CliRun.SmallLoss, "--seed", "1");

        Assert.Equal(ExitCode.Ok, verify.ExitCode);
        Assert.Contains("device: cpu:0", verify.Out, StringComparison.Ordinal);
    }
}
