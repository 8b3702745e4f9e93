using System.Globalization;

namespace Cce.Cli.Input;

/// <summary>One shape of <c>cce tune --shapes</c>: rows N, and the catalog V when written as NxV.</summary>
/// <param name="Rows">Rows N.</param>
/// <param name="Catalog">Catalog size V, or null to take <c>--catalog</c>.</param>
internal sealed record TuneShape(int Rows, int? Catalog)
{
    /// <summary>Reads a comma-separated list such as <c>4096,8192x250000</c>; null, and the offending word, when one is not a shape.</summary>
    public static IReadOnlyList<TuneShape>? ParseList(string list, out string? bad)
    {
        var shapes = new List<TuneShape>();
        bad = null;
        foreach (string word in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int x = word.IndexOf('x', StringComparison.OrdinalIgnoreCase);
            int? catalog = x < 0 ? null : Positive(word[(x + 1)..]);
            int? rows = Positive(x < 0 ? word : word[..x]);
            if (rows is null || (x >= 0 && catalog is null))
            {
                bad = word;
                return null;
            }

            shapes.Add(new TuneShape(rows.Value, catalog));
        }

        bad = shapes.Count == 0 ? list : null;
        return shapes.Count > 0 ? shapes : null;
    }

    private static int? Positive(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value > 0 ? value : null;
}
