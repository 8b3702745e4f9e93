using Cce.Cli.Console;

namespace Cce.Cli;

/// <summary>Entry point of the <c>cce</c> tool.</summary>
internal static class Program
{
    public static int Main(string[] args) => CceCli.Run(args, CliConsole.ForProcess());
}
