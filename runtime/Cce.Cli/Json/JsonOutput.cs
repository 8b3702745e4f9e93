using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Cce.Cli.Json;

/// <summary>Writes a <c>--json</c> report straight to the output writer, never through the console's line wrapping.</summary>
internal static class JsonOutput
{
    /// <summary>
    /// The source-generated options with an encoder that leaves quotes, apostrophes and non-ASCII text as they are: the
    /// reports go to files and terminals, not into HTML.
    /// </summary>
    private static readonly JsonSerializerOptions Options = new(CliJsonContext.Default.Options) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Serialises <paramref name="report"/> with its source-generated metadata and ends the line.</summary>
    public static void Write<T>(TextWriter output, T report)
    {
        output.WriteLine(JsonSerializer.Serialize(report, (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T))));
        output.Flush();
    }
}
