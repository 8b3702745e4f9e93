using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Cce;

/// <summary>Reads a tile back from its short name (<see cref="TileConfig.ToString"/>, e.g. <c>w8r16f2</c>).</summary>
internal static partial class TileConfigText
{
    /// <summary>Parses <c>wWrRfF</c>; false for anything else.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out TileConfig? tile)
    {
        Match match = text is null ? Match.Empty : Pattern().Match(text.Trim());
        if (!match.Success
            || !TryNumber(match.Groups[1].Value, out int warps)
            || !TryNumber(match.Groups[2].Value, out int rows)
            || !TryNumber(match.Groups[3].Value, out int items))
        {
            tile = null;
            return false;
        }

        tile = new TileConfig(warps, rows, items);
        return true;
    }

    /// <summary>Parses a comma-separated list of tile names.</summary>
    /// <exception cref="FormatException">An item is not a tile name.</exception>
    public static IReadOnlyList<TileConfig> ParseList(string text)
    {
        var tiles = new List<TileConfig>();
        foreach (string item in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            tiles.Add(TryParse(item, out TileConfig? tile) ? tile : throw new FormatException($"Expected a tile like 'w8r16f2'; got '{item}'."));
        }

        return tiles;
    }

    private static bool TryNumber(string digits, out int value) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0;

    [GeneratedRegex("^w([0-9]+)r([0-9]+)f([0-9]+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
