using System.Globalization;

namespace Cce.Cli.Commands;

/// <summary>Reads durations written as a whole number and a unit: <c>90s</c>, <c>45m</c>, <c>12h</c>, <c>30d</c>, <c>2w</c>.</summary>
internal static class DurationText
{
    /// <summary>Parses <paramref name="text"/>; the option name goes into the error message.</summary>
    /// <exception cref="CliUsageException">Not a positive number followed by s, m, h, d or w.</exception>
    public static TimeSpan Parse(string text, string option)
    {
        string trimmed = text.Trim();
        if (trimmed.Length >= 2
            && int.TryParse(trimmed.AsSpan(0, trimmed.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out int count)
            && count > 0)
        {
            switch (char.ToLowerInvariant(trimmed[^1]))
            {
                case 's': return TimeSpan.FromSeconds(count);
                case 'm': return TimeSpan.FromMinutes(count);
                case 'h': return TimeSpan.FromHours(count);
                case 'd': return TimeSpan.FromDays(count);
                case 'w': return TimeSpan.FromDays(7.0 * count);
            }
        }

        throw new CliUsageException($"--{option} expects a duration like 30d, 12h or 45m; got '{text}'.");
    }
}
