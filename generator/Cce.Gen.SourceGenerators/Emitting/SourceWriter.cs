using System;
using System.Text;

namespace Cce.Gen.SourceGenerators.Emitting;

/// <summary>An indented text writer for generated C#: lines, blocks, nothing more.</summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";
    private readonly StringBuilder text = new();
    private int depth;

    public void Line(string line = "")
    {
        if (line.Length > 0)
        {
            for (int i = 0; i < depth; i++)
            {
                text.Append(IndentUnit);
            }

            text.Append(line);
        }

        text.Append('\n');
    }

    public void Open(string header)
    {
        if (header.Length > 0)
        {
            Line(header);
        }

        Line("{");
        depth++;
    }

    public void Close(string suffix = "")
    {
        depth--;
        Line("}" + suffix);
    }

    /// <summary>Writes <paramref name="header"/>, then the body of <paramref name="body"/> inside braces.</summary>
    public void Block(string header, Action body)
    {
        Open(header);
        body();
        Close();
    }

    public override string ToString() => text.ToString();
}
