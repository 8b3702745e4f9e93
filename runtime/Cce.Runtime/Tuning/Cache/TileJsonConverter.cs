using System.Text.Json;
using System.Text.Json.Serialization;

namespace Cce.Tuning.Cache;

/// <summary>Writes a tile as its canonical text and reads it back through <see cref="KernelTile.Parse(string?)"/>.</summary>
internal sealed class TileJsonConverter : JsonConverter<KernelTile>
{
    public override KernelTile Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        string? text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
        return KernelTile.Parse(text) ?? throw new JsonException($"Expected a tile like \"w8r16f2\"; got {reader.TokenType} '{text}'.");
    }

    public override void Write(Utf8JsonWriter writer, KernelTile value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.CanonicalText);
}
