using System.Globalization;

namespace Cce.Tuning;

/// <summary>One line of a shape plan: a loss type and a shape it was called with.</summary>
/// <param name="Loss">The loss's full type name.</param>
/// <param name="Rows">Rows N.</param>
/// <param name="Catalog">Catalog size V.</param>
public readonly record struct ShapePlanEntry(string Loss, int Rows, int Catalog)
{
    /// <summary>Parses <c>LOSS N V</c>.</summary>
    /// <exception cref="FormatException">Not three words, or N or V not a positive integer.</exception>
    public static ShapePlanEntry Parse(string line)
    {
        ArgumentNullException.ThrowIfNull(line);
        string[] words = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length != 3
            || !int.TryParse(words[1], NumberStyles.None, CultureInfo.InvariantCulture, out int rows) || rows < 1
            || !int.TryParse(words[2], NumberStyles.None, CultureInfo.InvariantCulture, out int catalog) || catalog < 1)
        {
            throw new FormatException($"Expected 'LOSS-TYPE N V' with positive N and V; got '{line}'.");
        }

        return new ShapePlanEntry(words[0], rows, catalog);
    }

    /// <summary>The plan-file line, <c>LOSS N V</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Loss} {Rows} {Catalog}");
}
