using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Cce.Cli.Json;

/// <summary>Writes a <c>--json</c> report straight to the output writer, never through the console's line wrapping.</summary>
internal static class JsonOutput
{
    /// <summary>Serialises <paramref name="report"/> with its source-generated metadata and ends the line.</summary>
    public static void Write<T>(TextWriter output, T report, JsonTypeInfo<T> type)
    {
        output.WriteLine(JsonSerializer.Serialize(report, type));
        output.Flush();
    }
}
