using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Parsing;
using Cce.Cli.Commands;
using Cce.Cli.Console;
using Cce.Cli.Input;
using Spectre.Console;

namespace Cce.Cli;

/// <summary>
/// The <c>cce</c> tool as a function: parses the arguments, runs one verb and returns the exit code (see
/// <see cref="ExitCode"/>). Every failure is one red line on the error console, with the verb's usage for a usage
/// error; no exception escapes.
/// </summary>
internal static class CceCli
{
    /// <summary>Runs the tool with <paramref name="args"/>, writing to <paramref name="console"/>.</summary>
    public static int Run(IReadOnlyList<string> args, CliConsole console)
    {
        Command root = CreateRoot(console);
        ParseResult parsed = root.Parse(args, new ParserConfiguration());
        if (parsed.Errors.Count > 0)
        {
            return UsageError(console, parsed.CommandResult, ParseProblem(parsed));
        }

        try
        {
            return parsed.Invoke(new InvocationConfiguration
            {
                Output = console.OutWriter,
                Error = console.ErrorWriter,
                EnableDefaultExceptionHandler = false,
            });
        }
        catch (CliUsageException e)
        {
            return UsageError(console, parsed.CommandResult, e.Message);
        }
        catch (CliRuntimeException e)
        {
            return Failure(console, parsed.CommandResult, e.Message);
        }
        catch (Exception e)
        {
            // The last line of defence: any other failure is one line and exit 3, never a stack trace.
            return Failure(console, parsed.CommandResult, $"{e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>
    /// The command tree of the tool, bound to <paramref name="console"/>. Its root is named <c>cce</c> rather than after
    /// the running executable (as a <see cref="RootCommand"/> would be), so help reads the same under a test host.
    /// </summary>
    private static Command CreateRoot(CliConsole console) => new(
        "cce",
        "cce: fused sampled cross-entropy kernels for .NET.\n"
        + $"Devices: {DeviceName.AcceptedForms}, in --device and in CCE_DEVICE alike; cce info lists them.\n"
        + "Every verb takes --json. Arguments can be read from a response file: cce @FILE.\n"
        + ExitCode.Summary)
    {
        new HelpOption(),
        new VersionOption(),
        InfoCommand.Create(console),
        VerifyCommand.Create(console),
        BenchCommand.Create(console),
        CacheCommand.Create(console),
        TuneCommand.Create(console),
    };

    /// <summary>One sentence for the first parse error, with a suggestion when a word was mistyped.</summary>
    private static string ParseProblem(ParseResult parsed)
    {
        if (parsed.UnmatchedTokens.Count > 0)
        {
            string token = parsed.UnmatchedTokens[0];
            Command command = parsed.CommandResult.Command;
            IEnumerable<string> names = command.Subcommands.Select(c => c.Name)
                .Concat(command.Options.SelectMany(o => o.Aliases.Append(o.Name)))
                .Concat(command.Subcommands.SelectMany(c => c.Aliases));
            string kind = token.StartsWith('-') ? "option" : "argument";
            return $"unknown {kind} '{token}'.{CloseNames.Hint(CloseNames.Find(token, names))}";
        }

        // A missing verb is reported on the command even when a more telling error (a missing response file) came with it.
        return (parsed.Errors.FirstOrDefault(e => e.SymbolResult is not CommandResult) ?? parsed.Errors[0]).Message;
    }

    private static int UsageError(CliConsole console, CommandResult command, string message)
    {
        string path = Path(command);
        console.Error.MarkupLineInterpolated($"[red]{path}: {message}[/]");
        console.ErrorWriter.WriteLine($"Usage: {Usage(path, command.Command)}");
        console.ErrorWriter.WriteLine($"Run '{path} --help' for more.");
        return ExitCode.Usage;
    }

    private static int Failure(CliConsole console, CommandResult command, string message)
    {
        console.Error.MarkupLineInterpolated($"[red]{Path(command)}: {message}[/]");
        return ExitCode.RuntimeFailure;
    }

    /// <summary>The synopsis of <paramref name="command"/>: its path, its arguments, then what may follow.</summary>
    private static string Usage(string path, Command command)
    {
        IEnumerable<string> words = command.Arguments.Select(a => $"<{a.Name}>");
        if (command.Subcommands.Count > 0)
        {
            words = words.Append($"{{{string.Join('|', command.Subcommands.Select(c => c.Name))}}}");
        }

        return string.Join(' ', words.Prepend(path).Append("[options]"));
    }

    /// <summary>"cce verify", "cce cache show": the words that name the command.</summary>
    private static string Path(CommandResult command)
    {
        var words = new List<string>();
        for (SymbolResult? result = command; result is CommandResult c; result = c.Parent)
        {
            words.Insert(0, c.Parent is null ? "cce" : c.Command.Name);
        }

        return string.Join(' ', words);
    }
}
