namespace Cce;

/// <summary>
/// One launch configuration a generated kernel set was specialised for, in some kernel family. The tuner and its
/// cache see only the family and the canonical text; each family's tile type gives them meaning.
/// </summary>
public abstract record KernelTile
{
    /// <summary>The kernel family the tile belongs to, e.g. "PerRow": part of every tuning-cache key.</summary>
    public abstract string Family { get; }

    /// <summary>
    /// The tile as the tuning cache stores it, e.g. "w8r16f2": part of the cache format, so it never changes for a given
    /// tile, and each family writes its own pattern, so a text names one tile of one family.
    /// </summary>
    public abstract string CanonicalText { get; }

    /// <summary>The tile whose canonical text is <paramref name="text"/>, or null when it names none.</summary>
    /// <remarks>The one place that lists the families whose tiles the tuning cache can read back.</remarks>
    public static KernelTile? Parse(string? text) =>
        PerRowTile.TryParse(text, out PerRowTile? perRow) ? perRow
        : MatrixTile.TryParse(text, out MatrixTile? matrix) ? matrix
        : null;

    /// <summary>Parses a comma-separated list of canonical texts.</summary>
    /// <exception cref="FormatException">An item names no tile.</exception>
    public static IReadOnlyList<KernelTile> ParseList(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tiles = new List<KernelTile>();
        foreach (string item in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            tiles.Add(Parse(item) ?? throw new FormatException($"Expected a tile like 'w8r16f2'; got '{item}'."));
        }

        return tiles;
    }

    /// <summary>The canonical text.</summary>
    public sealed override string ToString() => CanonicalText;
}
