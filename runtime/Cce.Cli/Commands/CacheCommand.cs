using System.CommandLine;
using Cce.Cli.Console;
using Cce.Cli.Input;
using Cce.Cli.Json;
using Cce.Cli.Reports;
using Cce.Tuning.Cache;
using Spectre.Console;

namespace Cce.Cli.Commands;

/// <summary><c>cce cache</c>: inspect and maintain the tuning cache.</summary>
internal static class CacheCommand
{
    /// <summary>The verb and its actions, bound to <paramref name="console"/>.</summary>
    public static Command Create(CliConsole console) => new(
        "cache",
        "List, show, explain, export, import, prune or clear the tuning cache. The cache lives in CCE_CACHE_DIR when set, else in cce-gen under the user's cache folder.")
    {
        List(console),
        Show(console),
        Explain(console),
        Export(console),
        Import(console),
        Prune(console),
        Clear(console),
    };

    private static Command List(CliConsole console)
    {
        Option<bool> json = CliOptions.Json();
        var command = new Command("list", "One line per entry, grouped by environment.") { json };
        command.SetAction(parsed =>
        {
            var cache = new TuningCache();
            IReadOnlyList<CacheFile> files = cache.List();
            if (parsed.GetValue(json))
            {
                JsonOutput.Write(console.OutWriter, new CacheListReport(cache.Root, files));
            }
            else
            {
                CacheReport.List(console.Out, cache.Root, files);
            }

            return ExitCode.Ok;
        });
        return command;
    }

    private static Command Show(CliConsole console)
    {
        Argument<string> key = new("key") { Description = "An entry id as list prints it, DIRECTORY/ID, or a prefix of either." };
        Option<bool> json = CliOptions.Json();
        var command = new Command("show", "Everything the matching entries hold, candidate by candidate (exit 1 when none matches).") { key, json };
        command.SetAction(parsed =>
        {
            var cache = new TuningCache();
            string wanted = parsed.GetRequiredValue(key);
            IReadOnlyList<CacheFile> files = cache.Show(wanted);
            if (files.Count == 0)
            {
                console.Error.MarkupLineInterpolated($"[red]cce cache show: no entry matches '{wanted}' in {cache.Root}.[/]");
                return ExitCode.CheckFailed;
            }

            if (parsed.GetValue(json))
            {
                JsonOutput.Write(console.OutWriter, new CacheListReport(cache.Root, files));
                return ExitCode.Ok;
            }

            for (int i = 0; i < files.Count; i++)
            {
                if (i > 0)
                {
                    console.OutWriter.WriteLine();
                }

                CacheReport.Show(console.OutWriter, files[i]);
            }

            return ExitCode.Ok;
        });
        return command;
    }

    private static Command Explain(CliConsole console)
    {
        Option<string> loss = new("--loss")
        {
            Description = "The loss description in its canonical text, as cache show prints it, e.g. \"scheme=UniformPerRow;k=64;d=256;element=BFloat16;correction=LogQ;reduction=Mean;ignore=-100;dh=Float32\".",
            HelpName = "canonical-text",
            Required = true,
        };
        Option<long> rows = Size("--rows", "Rows N of the lookup.");
        Option<long> catalog = Size("--catalog", "Catalog size V of the lookup.");
        Option<IReadOnlyList<KernelTile>?> candidates = new("--candidates")
        {
            Description = "The candidate list of the lookup, e.g. w4r8f1,w8r16f2 (default: any).",
            HelpName = "tile[,tile...]",
            CustomParser = result =>
            {
                try
                {
                    IReadOnlyList<KernelTile> tiles = KernelTile.ParseList(result.Tokens[^1].Value);
                    if (tiles.Count > 0)
                    {
                        return tiles;
                    }

                    result.AddError("--candidates is empty.");
                }
                catch (FormatException e)
                {
                    result.AddError($"--candidates: {e.Message}");
                }

                return null;
            },
        };
        Option<DeviceName?> device = CliOptions.Device("The device whose environment is looked up: cpu, cpu:0, cuda or cuda:N (default: CCE_DEVICE, else the first GPU, else the CPU accelerator).");
        Option<bool> json = CliOptions.Json();
        var command = new Command("explain", "Whether a lookup hits, and what sets the nearest entries apart.") { loss, rows, catalog, candidates, device, json };
        command.SetAction(parsed =>
        {
            var cache = new TuningCache();
            string description = parsed.GetRequiredValue(loss);
            IReadOnlyList<KernelTile>? tiles = parsed.GetValue(candidates);
            long n = parsed.GetValue(rows);
            long v = parsed.GetValue(catalog);
            TuningEnvironment environment = CurrentEnvironment(parsed.GetValue(device));
            CacheExplanation explanation = cache.Explain(environment, description, tiles, n, v);
            ShapeBucket bucket = ShapeBucket.For(n, v);
            if (parsed.GetValue(json))
            {
                JsonOutput.Write(console.OutWriter, new CacheExplainReport(environment, description, tiles, bucket, explanation));
            }
            else
            {
                CacheReport.Explain(console.OutWriter, environment, description, tiles, bucket, explanation);
            }

            return ExitCode.Ok;
        });
        return command;
    }

    private static Command Export(CliConsole console)
    {
        Argument<string> file = new("file") { Description = "The bundle to write." };
        Option<bool> json = CliOptions.Json();
        var command = new Command("export", "Write every entry of the cache into one bundle file.") { file, json };
        command.SetAction(parsed =>
        {
            var cache = new TuningCache();
            string path = parsed.GetRequiredValue(file);
            int count = cache.Export(path);
            return Changed(console, parsed.GetValue(json), new CacheChangeReport("export", cache.Root, count, path, []), FormattableString.Invariant($"exported {count} entries from {cache.Root} to {path}"));
        });
        return command;
    }

    private static Command Import(CliConsole console)
    {
        Argument<string> file = new("file") { Description = "A bundle written by cache export." };
        Option<bool> json = CliOptions.Json();
        var command = new Command("import", "Add the entries of a bundle to the cache (exit 1 when some are refused).") { file, json };
        command.SetAction(parsed =>
        {
            var cache = new TuningCache();
            string path = parsed.GetRequiredValue(file);
            ImportResult result;
            try
            {
                result = cache.Import(path);
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                console.Error.MarkupLineInterpolated($"[red]cce cache import: {e.Message}[/]");
                return ExitCode.CheckFailed;
            }

            string text = FormattableString.Invariant($"imported {result.Imported} entries into {cache.Root}")
                + string.Concat(result.Rejected.Select(r => $"{Environment.NewLine}  refused {r}"));
            int written = Changed(console, parsed.GetValue(json), new CacheChangeReport("import", cache.Root, result.Imported, path, result.Rejected), text);
            return result.Rejected.Count == 0 ? written : ExitCode.CheckFailed;
        });
        return command;
    }

    private static Command Prune(CliConsole console)
    {
        Option<TimeSpan?> olderThan = new("--older-than")
        {
            Description = "Delete entries created longer ago than this, e.g. 30d, 12h or 45m.",
            HelpName = "duration",
            CustomParser = result =>
            {
                string text = result.Tokens[^1].Value;
                if (DurationText.TryParse(text, out TimeSpan duration))
                {
                    return duration;
                }

                result.AddError($"--older-than expects {DurationText.Forms}; got '{text}'.");
                return null;
            },
        };
        Option<bool> foreign = new("--foreign-devices") { Description = "Delete entries of every environment but the current device's." };
        Option<DeviceName?> device = CliOptions.Device("The device --foreign-devices keeps: cpu, cpu:0, cuda or cuda:N (default: CCE_DEVICE, else the first GPU, else the CPU accelerator).");
        Option<bool> json = CliOptions.Json();
        var command = new Command("prune", "Delete old entries, entries of other devices, or both.") { olderThan, foreign, device, json };
        command.Validators.Add(result =>
        {
            if (result.GetResult(olderThan) is null && !result.GetValue(foreign))
            {
                result.AddError("Give --older-than, --foreign-devices or both.");
            }
        });
        command.SetAction(parsed =>
        {
            var cache = new TuningCache();
            DeviceFingerprint? current = parsed.GetValue(foreign) ? CurrentEnvironment(parsed.GetValue(device)).Device : null;
            int deleted = cache.Prune(parsed.GetValue(olderThan), current);
            return Changed(console, parsed.GetValue(json), new CacheChangeReport("prune", cache.Root, deleted, null, []), FormattableString.Invariant($"pruned {deleted} files from {cache.Root}"));
        });
        return command;
    }

    private static Command Clear(CliConsole console)
    {
        Option<bool> json = CliOptions.Json();
        var command = new Command("clear", "Delete every entry of the cache.") { json };
        command.SetAction(parsed =>
        {
            var cache = new TuningCache();
            int deleted = cache.Clear();
            return Changed(console, parsed.GetValue(json), new CacheChangeReport("clear", cache.Root, deleted, null, []), FormattableString.Invariant($"cleared {deleted} entries from {cache.Root}"));
        });
        return command;
    }

    /// <summary>Reports what an action changed, as JSON or as <paramref name="text"/>.</summary>
    private static int Changed(CliConsole console, bool json, CacheChangeReport report, string text)
    {
        if (json)
        {
            JsonOutput.Write(console.OutWriter, report);
        }
        else
        {
            console.OutWriter.WriteLine(text);
        }

        return ExitCode.Ok;
    }

    private static Option<long> Size(string name, string description)
    {
        Option<long> option = CliOptions.Number(name, description, "a non-negative whole number", n => n >= 0, 0L);
        option.Required = true;
        return option;
    }

    /// <summary>The environment of the device named by <c>--device</c>, else of the default device, under this runtime's timing policy.</summary>
    private static TuningEnvironment CurrentEnvironment(DeviceName? name)
    {
        using CceDevice device = DeviceOpener.Open(name);
        return TuningEnvironment.For(device.Fingerprint, TimingPolicyId.Current);
    }
}
