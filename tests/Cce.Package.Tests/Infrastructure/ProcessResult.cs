namespace Cce.Package.Tests.Infrastructure;

/// <summary>What a child process left behind: its exit code and everything it printed.</summary>
internal sealed record ProcessResult(string CommandLine, int ExitCode, string StandardOutput, string StandardError, TimeSpan Elapsed)
{
    /// <summary>The whole story, for an assertion message: a failed build is diagnosed from this alone.</summary>
    public override string ToString() =>
        $"""
        $ {CommandLine}
        exit code {ExitCode} after {Elapsed.TotalSeconds:F1} s
        --- stdout ---
        {StandardOutput}
        --- stderr ---
        {StandardError}
        """;
}
