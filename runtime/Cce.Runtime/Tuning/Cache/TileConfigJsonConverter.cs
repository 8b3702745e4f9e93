using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cce;

/// <summary>Writes a tile as its short name, so entry files read like the tuner's log.</summary>
internal sealed class TileConfigJsonConverter : JsonConverter<TileConfig>
{
    /// <inheritdoc />
    public override TileConfig Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string? text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return TileConfigText.TryParse(text, out TileConfig? tile) ? tile : throw new JsonException($"Expected a tile like \"w8r16f2\"; got {reader.TokenType} '{text}'.");
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, TileConfig value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
