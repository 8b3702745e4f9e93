using Cce.Cli.Commands;

namespace Cce.Cli;

/// <summary>Entry point of the <c>cce</c> tool: dispatches to one verb.</summary>
internal static class Program
{
    private static readonly ICliCommand[] Commands =
    [
        new InfoCommand(),
        new VerifyCommand(),
        new BenchCommand(),
        new CacheCommand(),
        new TuneCommand(),
    ];

    private static readonly HashSet<string> Switches = new(StringComparer.Ordinal) { "json", "all", "help", "foreign-devices", "all-variants", "force" };

    public static int Main(string[] args)
    {
        TextWriter output = Console.Out;
        if (args.Length == 0 || args[0] is "help" or "--help" or "-h")
        {
            PrintHelp(output, args.Length > 1 ? args[1] : null);
            return args.Length == 0 ? 2 : 0;
        }

        ICliCommand? command = Array.Find(Commands, c => c.Name == args[0]);
        if (command is null)
        {
            Console.Error.WriteLine($"cce: unknown command '{args[0]}'.");
            PrintHelp(Console.Error, null);
            return 2;
        }

        try
        {
            return command.Run(new CommandLine(args[1..], Switches), output);
        }
        catch (CliUsageException e)
        {
            Console.Error.WriteLine($"cce {command.Name}: {e.Message}");
            Console.Error.WriteLine(command.Usage);
            return 2;
        }
    }

    private static void PrintHelp(TextWriter output, string? verb)
    {
        ICliCommand? command = verb is null ? null : Array.Find(Commands, c => c.Name == verb);
        if (command is not null)
        {
            output.WriteLine($"cce {command.Name}: {command.Summary}");
            output.WriteLine(command.Usage);
            return;
        }

        output.WriteLine("cce: fused sampled cross-entropy kernels for .NET");
        output.WriteLine();
        foreach (ICliCommand c in Commands)
        {
            output.WriteLine($"  {c.Name,-8} {c.Summary}");
        }

        output.WriteLine();
        output.WriteLine("cce help VERB shows the options of one verb.");
    }
}
