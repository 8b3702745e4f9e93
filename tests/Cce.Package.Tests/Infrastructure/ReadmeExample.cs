namespace Cce.Package.Tests.Infrastructure;

/// <summary>The program README.md offers a newcomer: the first C# block of its "## Usage" section.</summary>
internal static class ReadmeExample
{
    private const string Heading = "## Usage";

    private const string Fence = "```";

    /// <summary>The block's lines between its fences, verbatim.</summary>
    public static string Extract(string readme)
    {
        string[] lines = readme.ReplaceLineEndings("\n").Split('\n');
        int heading = Array.FindIndex(lines, l => l.TrimEnd() == Heading);
        if (heading < 0)
        {
            throw new InvalidOperationException("README.md has no '" + Heading + "' heading.");
        }

        for (int i = heading + 1; i < lines.Length && !lines[i].StartsWith("## ", StringComparison.Ordinal); i++)
        {
            if (lines[i].TrimEnd() == Fence + "csharp")
            {
                int end = Array.FindIndex(lines, i + 1, l => l.TrimEnd() == Fence);
                if (end < 0)
                {
                    throw new InvalidOperationException("The C# block under '" + Heading + "' in README.md is never closed.");
                }

                return string.Join('\n', lines[(i + 1)..end]) + "\n";
            }
        }

        throw new InvalidOperationException("README.md's '" + Heading + "' section has no ```csharp block.");
    }
}
