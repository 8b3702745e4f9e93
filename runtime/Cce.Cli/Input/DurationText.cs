using System.Globalization;

namespace Cce.Cli.Input;

/// <summary>Reads durations written as a whole number and a unit: <c>90s</c>, <c>45m</c>, <c>12h</c>, <c>30d</c>, <c>2w</c>.</summary>
internal static class DurationText
{
    /// <summary>The forms accepted, for messages.</summary>
    public const string Forms = "a duration like 30d, 12h or 45m (units s, m, h, d, w)";

    /// <summary>Reads <paramref name="text"/>; false when it is not a positive number followed by s, m, h, d or w.</summary>
    public static bool TryParse(string text, out TimeSpan duration)
    {
        string trimmed = text.Trim();
        duration = TimeSpan.Zero;
        if (trimmed.Length < 2
            || !int.TryParse(trimmed.AsSpan(0, trimmed.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out int count)
            || count <= 0)
        {
            return false;
        }

        TimeSpan? unit = char.ToLowerInvariant(trimmed[^1]) switch
        {
            's' => TimeSpan.FromSeconds(1),
            'm' => TimeSpan.FromMinutes(1),
            'h' => TimeSpan.FromHours(1),
            'd' => TimeSpan.FromDays(1),
            'w' => TimeSpan.FromDays(7),
            _ => null,
        };
        duration = unit is TimeSpan u ? u * count : TimeSpan.Zero;
        return unit is not null;
    }
}
