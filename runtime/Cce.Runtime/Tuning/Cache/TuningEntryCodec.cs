using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.Json;

namespace Cce.Tuning.Cache;

/// <summary>Turns entries into signed documents and back, rejecting anything damaged, foreign or of another schema.</summary>
internal static class TuningEntryCodec
{
    private const string SchemaProperty = "schemaVersion";

    /// <summary>The signed, indented document of <paramref name="entry"/>.</summary>
    public static byte[] Encode(TuningEntry entry)
    {
        TuningEntryDocument unsigned = TuningEntryDocument.Of(entry);
        return CacheJsonContext.Indented(unsigned with { Checksum = ChecksumOf(unsigned) }, CacheJsonContext.Default.TuningEntryDocument);
    }

    /// <summary>Reads a document; on failure <paramref name="problem"/> says why in a few words.</summary>
    public static bool TryDecode(ReadOnlyMemory<byte> utf8, [NotNullWhen(true)] out TuningEntry? entry, [NotNullWhen(false)] out string? problem)
    {
        entry = null;
        if (utf8.IsEmpty)
        {
            problem = "empty file";
            return false;
        }

        try
        {
            using JsonDocument json = JsonDocument.Parse(utf8);
            if (json.RootElement.ValueKind != JsonValueKind.Object
                || !json.RootElement.TryGetProperty(SchemaProperty, out JsonElement schema)
                || !schema.TryGetInt32(out int version))
            {
                problem = "no schema version";
                return false;
            }

            if (version != CacheFormat.SchemaVersion)
            {
                problem = string.Create(CultureInfo.InvariantCulture, $"schema version {version}, expected {CacheFormat.SchemaVersion}");
                return false;
            }

            TuningEntryDocument document = json.RootElement.Deserialize(CacheJsonContext.Default.TuningEntryDocument)
                ?? throw new JsonException("null document");
            if (document.Checksum != ChecksumOf(document with { Checksum = null }))
            {
                problem = "checksum mismatch";
                return false;
            }

            entry = document.ToEntry();
            problem = null;
            return true;
        }
        catch (JsonException e)
        {
            problem = $"unreadable JSON ({e.Message})";
            return false;
        }
    }

    /// <summary>Hex SHA-256 of the compact form, which serialisation reproduces exactly from the parsed values.</summary>
    private static string ChecksumOf(TuningEntryDocument unsigned) =>
        CacheHash.Full(JsonSerializer.SerializeToUtf8Bytes(unsigned, CacheJsonContext.Default.TuningEntryDocument));
}
