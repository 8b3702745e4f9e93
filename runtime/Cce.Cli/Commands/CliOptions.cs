using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Numerics;

namespace Cce.Cli.Commands;

/// <summary>The options several verbs share, spelled and described the same everywhere.</summary>
internal static class CliOptions
{
    /// <summary><c>--json</c>: a bool, so <c>--json</c>, <c>--json true</c> and <c>--json false</c> all mean what they say.</summary>
    public static Option<bool> Json() => new("--json")
    {
        Description = "Write one JSON document (camelCase properties) instead of tables; --json false turns it off.",
    };

    /// <summary><c>--device</c>: a device name, read by the runtime's one parser (<see cref="DeviceName"/>).</summary>
    public static Option<DeviceName?> Device(string description = "The device: cpu, cpu:0, cuda or cuda:N (default: CCE_DEVICE, else the first GPU, else the CPU accelerator).") => new("--device")
    {
        Description = description,
        HelpName = "cpu|cpu:0|cuda|cuda:N",
        CustomParser = result =>
        {
            string text = result.Tokens[^1].Value;
            if (DeviceName.TryParse(text, out DeviceName name))
            {
                return name;
            }

            result.AddError($"--device: {DeviceName.Problem(text)}");
            return null;
        },
    };

    /// <summary>
    /// A number read with the invariant culture, kept only when <paramref name="valid"/> accepts it; otherwise one error
    /// saying what was expected (<paramref name="expected"/>, e.g. "a whole number of at least 1") and what was given.
    /// </summary>
    public static Option<T> Number<T>(string name, string description, string expected, Func<T, bool> valid, T fallback)
        where T : struct, INumberBase<T> => new(name)
        {
            Description = description,
            DefaultValueFactory = _ => fallback,
            CustomParser = result => ReadNumber(result, name, expected, valid) ?? fallback,
        };

    /// <summary>Like <see cref="Number{T}"/>, for an optional number that is null when absent.</summary>
    public static Option<T?> OptionalNumber<T>(string name, string description, string expected, Func<T, bool> valid)
        where T : struct, INumberBase<T> => new(name)
        {
            Description = description,
            CustomParser = result => ReadNumber(result, name, expected, valid),
        };

    private static T? ReadNumber<T>(ArgumentResult result, string name, string expected, Func<T, bool> valid)
        where T : struct, INumberBase<T>
    {
        string text = result.Tokens[^1].Value;
        NumberStyles style = typeof(T) == typeof(double) ? NumberStyles.Float : NumberStyles.Integer;
        if (T.TryParse(text, style, CultureInfo.InvariantCulture, out T value) && valid(value))
        {
            return value;
        }

        result.AddError($"{name} expects {expected}; got '{text}'.");
        return null;
    }
}
