using Cce.Cli.Console;

namespace Cce.Cli.Tests;

/// <summary>What one in-process run of the tool returned and wrote, as a redirected process would see it.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Out">Everything written to standard output.</param>
/// <param name="Error">Everything written to standard error.</param>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    /// <summary>The smallest loss of the verification suite (D = 32, K = 7): a CPU verification of it takes seconds.</summary>
    public const string SmallLoss = "UniformPerRowF32NoneMeanLoss";

    /// <summary>Runs <c>cce</c> with <paramref name="args"/>, capturing both streams.</summary>
    public static CliRun Of(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        int code = CceCli.Run(args, CliConsole.Capture(output, error));
        return new CliRun(code, output.ToString(), error.ToString());
    }

    /// <summary>Both streams, for assertions on a message wherever it went.</summary>
    public string All => Out + Error;
}
