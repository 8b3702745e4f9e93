using System.Reflection;

namespace Cce.Cli.Commands;

/// <summary>Finds the generated losses of an assembly: the types implementing <see cref="ILossKernels{TSelf}"/> for themselves.</summary>
internal static class TuneTargets
{
    /// <summary>The sample whose losses <c>cce tune</c> warms when no assembly is given, looked for next to <c>cce</c>.</summary>
    public const string DefaultAssemblyFile = "QuickStart.dll";

    /// <summary>
    /// <paramref name="path"/> when given; else the sample assembly next to <c>cce</c>; else <c>cce</c> itself, so a
    /// build of the tool that compiles losses in warms those.
    /// </summary>
    public static Assembly Load(string? path)
    {
        if (path is not null)
        {
            string full = Path.GetFullPath(path);
            return File.Exists(full) ? Assembly.LoadFrom(full) : throw new CliUsageException($"--assembly: no file {full}.");
        }

        string sample = Path.Combine(AppContext.BaseDirectory, DefaultAssemblyFile);
        return File.Exists(sample) ? Assembly.LoadFrom(sample) : typeof(TuneTargets).Assembly;
    }

    /// <summary>The generated losses of <paramref name="assembly"/>, ordered by full name.</summary>
    public static IReadOnlyList<Type> Losses(Assembly assembly)
    {
        Type[] types;
        try
        {
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException e)
        {
            // Types whose dependencies are missing cannot be losses this process could run anyway.
            types = [.. e.Types.OfType<Type>()];
        }

        return [.. types.Where(IsLoss).OrderBy(t => t.FullName, StringComparer.Ordinal)];
    }

    /// <summary>The loss named <paramref name="name"/>: a full type name, or a simple name that is unique.</summary>
    public static Type Find(IReadOnlyList<Type> losses, string name)
    {
        Type? exact = losses.FirstOrDefault(t => t.FullName == name);
        if (exact is not null)
        {
            return exact;
        }

        Type[] simple = [.. losses.Where(t => t.Name == name)];
        return simple.Length switch
        {
            1 => simple[0],
            0 => throw new CliUsageException($"No generated loss named '{name}'; found: {string.Join(", ", losses.Select(t => t.FullName))}."),
            _ => throw new CliUsageException($"'{name}' names several losses; use the full name: {string.Join(", ", simple.Select(t => t.FullName))}."),
        };
    }

    private static bool IsLoss(Type type) =>
        !type.IsAbstract && type.GetInterfaces().Any(i =>
            i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ILossKernels<>) && i.GetGenericArguments()[0] == type);
}
