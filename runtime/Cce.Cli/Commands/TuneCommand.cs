using System.CommandLine;
using System.Reflection;
using Cce.Cli.Console;
using Cce.Cli.Input;
using Cce.Cli.Json;
using Cce.Cli.Reports;
using Cce.Tuning;
using Spectre.Console;

namespace Cce.Cli.Commands;

/// <summary><c>cce tune</c>: warms the tuning cache for the generated losses of an assembly at given shapes.</summary>
internal static class TuneCommand
{
    /// <summary>Catalog size used with <c>--shapes</c> when <c>--catalog</c> is not given.</summary>
    private const int DefaultCatalog = 65_536;

    /// <summary>The verb, bound to <paramref name="console"/>.</summary>
    public static Command Create(CliConsole console)
    {
        Option<DeviceName?> device = CliOptions.Device();
        Option<string?> loss = new("--loss") { Description = "A loss's full or simple type name; --all (the default) tunes every loss found.", HelpName = "type" };
        Option<bool> all = new("--all") { Description = "Tune every loss found (the default)." };
        Option<IReadOnlyList<TuneShape>?> shapes = new("--shapes")
        {
            Description = "Rows N to tune, each optionally with its own catalog as NxV (e.g. 4096,8192x250000).",
            HelpName = "N[xV][,N[xV]...]",
            CustomParser = result =>
            {
                IReadOnlyList<TuneShape>? list = TuneShape.ParseList(result.Tokens[^1].Value, out string? bad);
                if (list is null)
                {
                    result.AddError($"--shapes expects positive whole numbers N or NxV; got '{bad}'.");
                }

                return list;
            },
        };
        Option<int?> catalog = CliOptions.OptionalNumber<int>(
            "--catalog", FormattableString.Invariant($"Catalog size V of the shapes that give none (default {DefaultCatalog})."), "a positive whole number", v => v > 0);
        Option<string?> plan = new("--plan") { Description = "A file of 'LOSS-TYPE N V' lines, as written by a program run with CCE_RECORD_PLAN=FILE.", HelpName = "file" };
        Option<bool> force = new("--force") { Description = "Retune shapes the cache already holds." };
        Option<string?> assembly = new("--assembly")
        {
            Description = "Where to look for generated losses (default: cce itself, whose benchmark losses it warms; pass a built assembly of your own to warm its losses).",
            HelpName = "path",
        };
        Option<bool> json = CliOptions.Json();
        var command = new Command(
            "tune",
            "Tune generated losses at given shapes and store the picks in the cache. On the CPU accelerator the portable kernels are checked and timed as the one "
            + "candidate; CCE_TUNE_CPU=1 tunes the declared warp candidates instead (slow). CCE_TUNE_LOG=1 shows every step.")
        {
            device, loss, all, shapes, catalog, plan, force, assembly, json,
        };
        command.Validators.Add(result =>
        {
            bool hasPlan = result.GetResult(plan) is not null;
            if ((result.GetResult(shapes) is null) != hasPlan)
            {
                result.AddError("Give either --shapes or --plan.");
            }
            else if (hasPlan && (result.GetResult(loss) is not null || result.GetValue(all) || result.GetResult(catalog) is not null))
            {
                result.AddError("--plan names its losses and catalogs; drop --loss, --all and --catalog.");
            }
            else if (result.GetResult(loss) is not null && result.GetValue(all))
            {
                result.AddError("Give --loss or --all, not both.");
            }
        });
        command.SetAction(parsed =>
        {
            Assembly target = TuneTargets.Load(parsed.GetValue(assembly));
            IReadOnlyList<LossEntry> losses = LossRegistryAttribute.LossesOf(target);
            if (losses.Count == 0)
            {
                throw new CliUsageException($"--assembly: no generated losses in {target.Location}.");
            }

            string? planFile = parsed.GetValue(plan);
            string? lossName = parsed.GetValue(loss);
            int defaultCatalog = parsed.GetValue(catalog) ?? DefaultCatalog;
            List<(LossEntry Loss, int Rows, int Catalog)> work = planFile is not null
                ? FromPlan(planFile, losses)
                : [.. (lossName is null ? losses : [TuneTargets.Find(losses, lossName)])
                    .SelectMany(l => parsed.GetValue(shapes)!.Select(s => (l, s.Rows, s.Catalog ?? defaultCatalog)))];
            using CceDevice opened = DeviceOpener.Open(parsed.GetValue(device));
            return Run(console, opened, work, parsed.GetValue(force), parsed.GetValue(json));
        });
        return command;
    }

    private static int Run(CliConsole console, CceDevice device, IReadOnlyList<(LossEntry Loss, int Rows, int Catalog)> work, bool force, bool json)
    {
        TuningOptions options = TuningOptions.FromEnvironment() with
        {
            Policy = force ? TunePolicy.Force : TunePolicy.Auto,
            PlanFile = null,
        };

        if (!json)
        {
            console.Out.WriteLine($"device: {device.DeviceName} {device.Fingerprint.Describe()}");
            console.Out.WriteLine($"cache:  {options.Cache.Root}");
            if (device.Kind == DeviceKind.Cpu)
            {
                console.Out.WriteLine(options.TuneOnCpu
                    ? "note:   CPU accelerator with CCE_TUNE_CPU=1: tuning the declared warp candidates, which are GPU kernels and very slow here."
                    : "note:   CPU accelerator: checking and timing the portable kernels, which losses on the CPU run; the declared warp candidates are GPU kernels (CCE_TUNE_CPU=1 tunes them anyway, slowly).");
            }
        }

        var rows = new List<TuneRow>();
        CliProgress.Run(console.Error, "tune", work, w => FormattableString.Invariant($"{w.Loss.ShortName} N={w.Rows} V={w.Catalog}"), w =>
        {
            KernelVariant fallback = device.Kind == DeviceKind.Cpu && !options.TuneOnCpu ? w.Loss.Portable : w.Loss.DefaultOn(device);
            rows.Add(new TuneRow(w.Loss.ShortName, w.Rows, w.Catalog, fallback.Tile, LossTuner.Tune(w.Loss, device, w.Rows, w.Catalog, options)));
        });

        if (json)
        {
            JsonOutput.Write(console.OutWriter, new TuneReport(device.Fingerprint.Describe(), options.Cache.Root, rows));
        }
        else
        {
            TuneReportTable.Write(console.Out, rows);
        }

        return ExitCode.Ok;
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
}
