using Spectre.Console;
using Spectre.Console.Rendering;

namespace Cce.Cli.Console;

/// <summary>The tables of every verb: rounded borders on a terminal, aligned columns without borders elsewhere (easy to grep and diff).</summary>
internal static class CliTable
{
    /// <summary>A table with the given columns, styled for <paramref name="console"/>.</summary>
    public static Table Create(IAnsiConsole console, params TableColumn[] columns)
    {
        var table = new Table();
        if (console.Profile.Capabilities.Ansi)
        {
            table.Border(TableBorder.Rounded);
        }
        else
        {
            table.Border(TableBorder.None);
        }

        foreach (TableColumn column in columns)
        {
            table.AddColumn(column);
        }

        return table;
    }

    /// <summary>A right-aligned column, for numbers.</summary>
    public static TableColumn Number(string header) => new TableColumn(header).RightAligned();

    /// <summary>A left-aligned column.</summary>
    public static TableColumn Text(string header) => new(header);

    /// <summary>Adds a row of literal text (never read as markup, so brackets in messages are kept).</summary>
    public static void AddRow(Table table, params string[] cells) => table.AddRow(cells.Select(c => (IRenderable)new Spectre.Console.Text(c)));
}
