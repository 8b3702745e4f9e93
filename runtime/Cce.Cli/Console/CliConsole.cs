using Spectre.Console;

namespace Cce.Cli.Console;

/// <summary>
/// Where the tool writes: results to <see cref="Out"/>, progress and errors to <see cref="Error"/>. Over a terminal both
/// use colours and live progress bars; over anything else (a file, a pipe, a test's <see cref="StringWriter"/>) they
/// write plain text with no ANSI escapes, and lines are not wrapped at a terminal's width.
/// </summary>
internal sealed class CliConsole
{
    /// <summary>Width of a console that is not a terminal: wide enough that no table row is wrapped.</summary>
    private const int PlainWidth = 400;

    private CliConsole(TextWriter outWriter, bool outIsTerminal, TextWriter errorWriter, bool errorIsTerminal)
    {
        OutWriter = outWriter;
        ErrorWriter = errorWriter;
        Out = Create(outWriter, outIsTerminal);
        Error = Create(errorWriter, errorIsTerminal);
    }

    /// <summary>Results: tables, summaries, JSON.</summary>
    public IAnsiConsole Out { get; }

    /// <summary>Progress and errors.</summary>
    public IAnsiConsole Error { get; }

    /// <summary>The writer under <see cref="Out"/>, for text that must not be reflowed (JSON, help).</summary>
    public TextWriter OutWriter { get; }

    /// <summary>The writer under <see cref="Error"/>.</summary>
    public TextWriter ErrorWriter { get; }

    /// <summary>The process's standard output and error, each a terminal unless redirected.</summary>
    public static CliConsole ForProcess() =>
        new(System.Console.Out, !System.Console.IsOutputRedirected, System.Console.Error, !System.Console.IsErrorRedirected);

    /// <summary>Plain text into the given writers, as when output is redirected.</summary>
    public static CliConsole Capture(TextWriter output, TextWriter error) => new(output, false, error, false);

    private static IAnsiConsole Create(TextWriter writer, bool terminal)
    {
        IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = terminal ? InteractionSupport.Detect : InteractionSupport.No,
        });
        if (!terminal)
        {
            console.Profile.Width = PlainWidth;
        }

        return console;
    }
}
