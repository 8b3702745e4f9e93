using System.Globalization;
using System.Reflection;
using Cce.Tuning;

namespace Cce.Cli.Commands;

/// <summary><c>cce tune</c>: warms the tuning cache for the generated losses of an assembly at given shapes.</summary>
internal sealed class TuneCommand : ICliCommand
{
    /// <summary>Catalog size used with <c>--shapes</c> when <c>--catalog</c> is not given.</summary>
    private const int DefaultCatalog = 65_536;

    public string Name => "tune";

    public string Summary => "tune generated losses at given shapes and store the picks in the cache";

    public string Usage => FormattableString.Invariant($"""
        usage: cce tune [--device cpu|cuda|cuda:N] [--loss TYPE | --all] --shapes N[,N...] [--catalog V] [--force] [--assembly PATH]
               cce tune [--device cpu|cuda|cuda:N] --plan FILE [--force] [--assembly PATH]
        --shapes   rows N to tune, each optionally with its own catalog as NxV (e.g. 4096,8192x250000).
        --catalog  catalog size V of the shapes that give none (default {DefaultCatalog}).
        --loss     a loss's full or simple type name; --all (the default) tunes every loss found.
        --plan     a file of 'LOSS-TYPE N V' lines, as written by a program run with CCE_RECORD_PLAN=FILE.
        --force    retune shapes the cache already holds.
        --assembly where to look for generated losses (default: cce itself, whose benchmark losses it warms;
                   pass a built assembly of your own to warm its losses).
        On the CPU accelerator the portable kernels, which losses there run, are checked and timed as the one
        candidate; CCE_TUNE_CPU=1 tunes the declared warp candidates instead (slow). CCE_TUNE_LOG=1 shows every step.
        The cache lives in CCE_CACHE_DIR when set, else in cce-gen under the user's cache folder.
        """);

    public int Run(CommandLine arguments, TextWriter output)
    {
        string? device = arguments.Value("device");
        string? lossName = arguments.Value("loss");
        bool all = arguments.Has("all");
        string? shapes = arguments.Value("shapes");
        string? catalog = arguments.Value("catalog");
        string? plan = arguments.Value("plan");
        bool force = arguments.Has("force");
        string? assemblyPath = arguments.Value("assembly");
        arguments.RejectUnknown();
        if (arguments.Positional.Count > 0)
        {
            throw new CliUsageException($"Unexpected argument '{arguments.Positional[0]}'.");
        }

        if ((shapes is null) == (plan is null))
        {
            throw new CliUsageException("Give either --shapes or --plan.");
        }

        if (plan is not null && (lossName is not null || all || catalog is not null))
        {
            throw new CliUsageException("--plan names its losses and catalogs; drop --loss, --all and --catalog.");
        }

        if (lossName is not null && all)
        {
            throw new CliUsageException("Give --loss or --all, not both.");
        }

        Assembly assembly = TuneTargets.Load(assemblyPath);
        IReadOnlyList<LossEntry> losses = LossRegistryAttribute.LossesOf(assembly);
        if (losses.Count == 0)
        {
            Console.Error.WriteLine($"cce tune: no generated losses in {assembly.Location}; pass --assembly PATH.");
            return 1;
        }

        List<(LossEntry Loss, int Rows, int Catalog)> work = plan is not null
            ? FromPlan(plan, losses)
            : [.. (lossName is null ? losses : [TuneTargets.Find(losses, lossName)])
                .SelectMany(t => Shapes(shapes!, catalog).Select(s => (t, s.Rows, s.Catalog)))];

        using CceDevice opened = Open(device);
        TuningOptions options = TuningOptions.FromEnvironment() with
        {
            Policy = force ? TunePolicy.Force : TunePolicy.Auto,
            PlanFile = null,
        };

        output.WriteLine($"device: {opened} - {opened.Fingerprint.Describe()}");
        output.WriteLine($"cache:  {options.Cache.Root}");
        if (opened.Kind == DeviceKind.Cpu)
        {
            output.WriteLine(options.TuneOnCpu
                ? "note:   CPU accelerator with CCE_TUNE_CPU=1: tuning the declared warp candidates, which are GPU kernels and very slow here."
                : "note:   CPU accelerator: checking and timing the portable kernels, which losses on the CPU run; the declared warp candidates are GPU kernels (CCE_TUNE_CPU=1 tunes them anyway, slowly).");
        }

        var rows = new List<TuneRow>();
        for (int i = 0; i < work.Count; i++)
        {
            (LossEntry loss, int n, int v) = work[i];
            output.Write(FormattableString.Invariant($"[{i + 1}/{work.Count}] {loss.ShortName} N={n} V={v} ... "));
            output.Flush();
            TuneRow row = Tune(loss, opened, n, v, options);
            output.WriteLine(row.Report.FromCache ? $"cached: {row.Report.Entry.Pick}" : FormattableString.Invariant($"tuned: {row.Report.Entry.Pick} ({row.Report.Elapsed.TotalSeconds:F1} s)"));
            rows.Add(row);
        }

        output.WriteLine();
        TuneReportTable.Write(output, rows);
        return 0;
    }

    private static TuneRow Tune(LossEntry loss, CceDevice device, int rows, int catalog, TuningOptions options)
    {
        KernelVariant fallback = device.Kind == DeviceKind.Cpu && !options.TuneOnCpu ? loss.Portable : loss.Variants[loss.DefaultVariant];
        return new(loss.ShortName, rows, catalog, fallback.Tile, LossTuner.Tune(loss, device, rows, catalog, options));
    }

    private static List<(LossEntry, int, int)> FromPlan(string path, IReadOnlyList<LossEntry> losses)
    {
        IReadOnlyList<ShapePlanEntry> entries;
        try
        {
            entries = ShapePlan.Read(path);
        }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"--plan: {e.Message}");
        }

        return [.. entries.Select(e => (TuneTargets.Find(losses, e.Loss), e.Rows, e.Catalog))];
    }

    private static IEnumerable<(int Rows, int Catalog)> Shapes(string list, string? catalogText)
    {
        int catalog = catalogText is null ? DefaultCatalog : Positive(catalogText, "catalog");
        foreach (string shape in list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            int x = shape.IndexOf('x', StringComparison.OrdinalIgnoreCase);
            yield return x < 0
                ? (Positive(shape, "shapes"), catalog)
                : (Positive(shape[..x], "shapes"), Positive(shape[(x + 1)..], "shapes"));
        }
    }

    private static int Positive(string text, string option) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value) && value > 0
            ? value
            : throw new CliUsageException($"--{option} expects positive whole numbers; got '{text}'.");

    private static CceDevice Open(string? specification)
    {
        try
        {
            return specification is null ? CceDevice.OpenDefault() : CceDevice.Open(specification);
        }
        catch (ArgumentException e)
        {
            throw new CliUsageException($"--device: {e.Message}");
        }
    }
}
