using System.Reflection;
using Cce.Cli.Input;

namespace Cce.Cli.Commands;

/// <summary>Loads the assembly whose generated losses <c>cce tune</c> warms, and finds a loss by name in its registry.</summary>
internal static class TuneTargets
{
    /// <summary><paramref name="path"/> when given; else <c>cce</c> itself, whose benchmark losses it then warms.</summary>
    public static Assembly Load(string? path)
    {
        if (path is null)
        {
            return typeof(TuneTargets).Assembly;
        }

        string full = Path.GetFullPath(path);
        return File.Exists(full) ? Assembly.LoadFrom(full) : throw new CliUsageException($"--assembly: no file {full}.");
    }

    /// <summary>The loss named <paramref name="name"/>: a full type name, or a simple name that is unique.</summary>
    public static LossEntry Find(IReadOnlyList<LossEntry> losses, string name)
    {
        LossEntry? exact = losses.FirstOrDefault(t => t.Name == name);
        if (exact is not null)
        {
            return exact;
        }

        LossEntry[] simple = [.. losses.Where(t => t.ShortName == name)];
        return simple.Length switch
        {
            1 => simple[0],
            0 => throw new CliUsageException($"--loss: no generated loss named '{name}'.{CloseNames.Hint(CloseNames.Find(name, losses.Select(t => t.ShortName)))} Found: {string.Join(", ", losses.Select(t => t.Name))}."),
            _ => throw new CliUsageException($"'{name}' names several losses; use the full name: {string.Join(", ", simple.Select(t => t.Name))}."),
        };
    }
}
