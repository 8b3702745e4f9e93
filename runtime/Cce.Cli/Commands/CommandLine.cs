namespace Cce.Cli.Commands;

/// <summary>
/// The arguments after the verb: <c>--name value</c> options, <c>--flag</c> switches and positional words.
/// Options are looked up by name; anything a verb did not ask for is reported as an error.
/// </summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, string?> options = new(StringComparer.Ordinal);
    private readonly HashSet<string> consumed = new(StringComparer.Ordinal);

    public CommandLine(IReadOnlyList<string> arguments, IReadOnlySet<string> switches)
    {
        var positional = new List<string>();
        for (int i = 0; i < arguments.Count; i++)
        {
            string word = arguments[i];
            if (!word.StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(word);
                continue;
            }

            string name = word[2..];
            int equals = name.IndexOf('=', StringComparison.Ordinal);
            if (equals >= 0)
            {
                options[name[..equals]] = name[(equals + 1)..];
            }
            else if (switches.Contains(name) || i + 1 >= arguments.Count || arguments[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                options[name] = null;
            }
            else
            {
                options[name] = arguments[++i];
            }
        }

        Positional = positional;
    }

    /// <summary>Words that are not options, in order.</summary>
    public IReadOnlyList<string> Positional { get; }

    /// <summary>Whether <c>--name</c> was given.</summary>
    public bool Has(string name)
    {
        consumed.Add(name);
        return options.ContainsKey(name);
    }

    /// <summary>The value of <c>--name</c>, or <paramref name="fallback"/> when absent.</summary>
    public string? Value(string name, string? fallback = null)
    {
        consumed.Add(name);
        return options.TryGetValue(name, out string? value) ? value ?? throw new CliUsageException($"--{name} needs a value.") : fallback;
    }

    /// <summary>Fails on options no verb asked for, so typos never pass silently.</summary>
    public void RejectUnknown()
    {
        foreach (string name in options.Keys)
        {
            if (!consumed.Contains(name))
            {
                throw new CliUsageException($"Unknown option --{name}.");
            }
        }
    }
}

/// <summary>A mistake in the command line: printed with the verb's usage, exit code 2.</summary>
internal sealed class CliUsageException(string message) : Exception(message);
