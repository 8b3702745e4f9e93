using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Cce.Tuning.Cache;

/// <summary>
/// Source-generated JSON for the cache. Missing or null fields are errors rather than defaults, so a
/// damaged file is rejected instead of read as an entry with holes.
/// </summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UseStringEnumConverter = true,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    Converters = [typeof(TileJsonConverter)])]
[JsonSerializable(typeof(TuningEntryDocument))]
[JsonSerializable(typeof(CacheBundle))]
internal sealed partial class CacheJsonContext : JsonSerializerContext
{
    /// <summary>
    /// <paramref name="value"/> written indented, for files people read; parsing is indifferent to layout,
    /// so checksums stay over the compact form.
    /// </summary>
    public static byte[] Indented<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            JsonSerializer.Serialize(writer, value, typeInfo);
        }

        return buffer.WrittenSpan.ToArray();
    }
}
