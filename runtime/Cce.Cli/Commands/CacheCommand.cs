using System.Globalization;
using Cce.Tuning.Cache;

namespace Cce.Cli.Commands;

/// <summary><c>cce cache</c>: inspect and maintain the tuning cache.</summary>
internal sealed class CacheCommand : ICliCommand
{
    public string Name => "cache";

    public string Summary => "list, show, explain, export, import, prune or clear the tuning cache";

    public string Usage => """
        usage: cce cache list
               cce cache show KEY
               cce cache explain --loss CANONICAL-TEXT --rows N --catalog V [--candidates w4r8f1,w8r16f2] [--device cpu|cuda|cuda:N]
               cce cache export FILE
               cce cache import FILE
               cce cache prune [--older-than 30d] [--foreign-devices] [--device cpu|cuda|cuda:N]
               cce cache clear
        KEY is an entry id as list prints it, DIRECTORY/ID, or a prefix of either.
        --loss takes a loss description in its canonical text, as cache show prints it, e.g.
          "scheme=UniformPerRow;k=64;d=256;element=BFloat16;correction=LogQ;reduction=Mean;ignore=-100;dh=Float32".
        The cache lives in CCE_CACHE_DIR when set, else in cce-gen under the user's cache folder.
        """;

    public int Run(CommandLine arguments, TextWriter output)
    {
        var cache = new TuningCache();
        IReadOnlyList<string> words = arguments.Positional;
        string action = words.Count > 0 ? words[0] : throw new CliUsageException("Expected an action.");
        return action switch
        {
            "list" => List(arguments, output, cache),
            "show" => Show(arguments, output, cache),
            "explain" => Explain(arguments, output, cache),
            "export" => Export(arguments, output, cache),
            "import" => Import(arguments, output, cache),
            "prune" => Prune(arguments, output, cache),
            "clear" => Clear(arguments, output, cache),
            _ => throw new CliUsageException($"Unknown action '{action}'."),
        };
    }

    private static int List(CommandLine arguments, TextWriter output, TuningCache cache)
    {
        Finish(arguments, 0);
        CacheReport.List(output, cache.Root, cache.List());
        return 0;
    }

    private static int Show(CommandLine arguments, TextWriter output, TuningCache cache)
    {
        string key = Finish(arguments, 1)[0];
        IReadOnlyList<CacheFile> files = cache.Show(key);
        if (files.Count == 0)
        {
            Console.Error.WriteLine($"cce cache: no entry matches '{key}' in {cache.Root}.");
            return 1;
        }

        for (int i = 0; i < files.Count; i++)
        {
            if (i > 0)
            {
                output.WriteLine();
            }

            CacheReport.Show(output, files[i]);
        }

        return 0;
    }

    private static int Explain(CommandLine arguments, TextWriter output, TuningCache cache)
    {
        string description = arguments.Value("loss") ?? throw new CliUsageException("--loss is required.");
        long rows = Size(arguments, "rows");
        long catalog = Size(arguments, "catalog");
        IReadOnlyList<KernelTile>? candidates = arguments.Value("candidates") is string list ? Candidates(list) : null;
        string? device = arguments.Value("device");
        Finish(arguments, 0);

        TuningEnvironment environment = CurrentEnvironment(device);
        CacheExplanation explanation = cache.Explain(environment, description, candidates, rows, catalog);
        CacheReport.Explain(output, environment, description, candidates, ShapeBucket.For(rows, catalog), explanation);
        return 0;
    }

    private static int Export(CommandLine arguments, TextWriter output, TuningCache cache)
    {
        string file = Finish(arguments, 1)[0];
        int count = cache.Export(file);
        output.WriteLine(FormattableString.Invariant($"exported {count} entries from {cache.Root} to {file}"));
        return 0;
    }

    private static int Import(CommandLine arguments, TextWriter output, TuningCache cache)
    {
        string file = Finish(arguments, 1)[0];
        ImportResult result;
        try
        {
            result = cache.Import(file);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            Console.Error.WriteLine($"cce cache: {e.Message}");
            return 1;
        }

        output.WriteLine(FormattableString.Invariant($"imported {result.Imported} entries into {cache.Root}"));
        foreach (string rejection in result.Rejected)
        {
            output.WriteLine($"  refused {rejection}");
        }

        return result.Rejected.Count == 0 ? 0 : 1;
    }

    private static int Prune(CommandLine arguments, TextWriter output, TuningCache cache)
    {
        TimeSpan? olderThan = arguments.Value("older-than") is string age ? DurationText.Parse(age, "older-than") : null;
        bool foreign = arguments.Has("foreign-devices");
        string? device = arguments.Value("device");
        Finish(arguments, 0);
        if (olderThan is null && !foreign)
        {
            throw new CliUsageException("Give --older-than, --foreign-devices or both.");
        }

        DeviceFingerprint? current = foreign ? CurrentEnvironment(device).Device : null;
        int deleted = cache.Prune(olderThan, current);
        output.WriteLine(FormattableString.Invariant($"pruned {deleted} files from {cache.Root}"));
        return 0;
    }

    private static int Clear(CommandLine arguments, TextWriter output, TuningCache cache)
    {
        Finish(arguments, 0);
        int deleted = cache.Clear();
        output.WriteLine(FormattableString.Invariant($"cleared {deleted} entries from {cache.Root}"));
        return 0;
    }

    /// <summary>Checks that no unknown option and exactly <paramref name="count"/> words follow the action; returns those words.</summary>
    private static IReadOnlyList<string> Finish(CommandLine arguments, int count)
    {
        arguments.RejectUnknown();
        int given = arguments.Positional.Count - 1;
        if (given != count)
        {
            throw new CliUsageException(FormattableString.Invariant($"'{arguments.Positional[0]}' takes {count} argument(s); got {given}."));
        }

        return [.. arguments.Positional.Skip(1)];
    }

    private static long Size(CommandLine arguments, string option)
    {
        string text = arguments.Value(option) ?? throw new CliUsageException($"--{option} is required.");
        return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long size)
            ? size
            : throw new CliUsageException($"--{option} expects a non-negative whole number; got '{text}'.");
    }

    private static IReadOnlyList<KernelTile> Candidates(string list)
    {
        try
        {
            IReadOnlyList<KernelTile> tiles = KernelTile.ParseList(list);
            return tiles.Count > 0 ? tiles : throw new CliUsageException("--candidates is empty.");
        }
        catch (FormatException e)
        {
            throw new CliUsageException($"--candidates: {e.Message}");
        }
    }

    /// <summary>The environment of the device named by <c>--device</c>, else of the default device, under this runtime's timing policy.</summary>
    private static TuningEnvironment CurrentEnvironment(string? specification)
    {
        try
        {
            using CceDevice device = specification is null ? CceDevice.OpenDefault() : CceDevice.Open(specification);
            return TuningEnvironment.For(device.Fingerprint, TimingPolicyId.Current);
        }
        catch (ArgumentException e)
        {
            throw new CliUsageException($"--device: {e.Message}");
        }
    }
}
