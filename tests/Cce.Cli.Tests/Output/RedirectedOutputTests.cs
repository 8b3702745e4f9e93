using Xunit;

namespace Cce.Cli.Tests.Output;

/// <summary>Redirected output is plain text: tables without escape codes, progress as plain lines on standard error.</summary>
public sealed class RedirectedOutputTests
{
    private const char Escape = '\u001b';

    [Fact]
    public void AVerifyRunWritesNoEscapeCodes()
    {
        CliRun run = CliRun.Of("verify", "--device", "cpu", "--loss", CliRun.SmallLoss, "--seed", "8");

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        Assert.DoesNotContain(Escape, run.All);
        Assert.Contains("pass", run.Out, StringComparison.Ordinal);
        Assert.Contains("verify [1/1] " + CliRun.SmallLoss, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ErrorsAndHelpWriteNoEscapeCodes()
    {
        CliRun error = CliRun.Of("verify", "--device", "gpu");
        CliRun help = CliRun.Of("bench", "--help");

        Assert.DoesNotContain(Escape, error.All);
        Assert.DoesNotContain(Escape, help.All);
    }

    [Fact]
    public void InfoTableIsPlainText()
    {
        CliRun run = CliRun.Of("info");

        Assert.DoesNotContain(Escape, run.All);
        Assert.DoesNotContain("│", run.Out, StringComparison.Ordinal);
    }
}
