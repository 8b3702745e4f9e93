using System.CommandLine;
using System.Globalization;
using Cce.Cli.Benchmarks;
using Cce.Cli.Console;
using Cce.Cli.Input;
using Cce.Cli.Json;
using Cce.Cli.Plotting;
using Cce.Cli.Reports;
using Spectre.Console;

namespace Cce.Cli.Commands;

/// <summary><c>cce bench</c>: wall time of the fused forward+backward pass at the benchmark presets.</summary>
internal static class BenchCommand
{
    /// <summary>The verb, bound to <paramref name="console"/>.</summary>
    public static Command Create(CliConsole console)
    {
        Option<DeviceName?> device = CliOptions.Device();
        Option<string?> preset = new("--preset")
        {
            Description = $"Comma-separated presets to time: {string.Join(", ", BenchmarkPreset.All.Select(p => p.Name))} (default: all).",
            HelpName = "name[,name...]",
        };
        Option<bool> allVariants = new("--all-variants") { Description = "Time every declared tile candidate that runs on the device, not only the one Create(device) picks." };
        Option<string?> variant = new("--variant")
        {
            Description = "With --all-variants, only the candidates whose tile contains this text (e.g. wg: the Hopper warpgroup kernels).",
            HelpName = "text",
        };
        Option<int> repetitions = CliOptions.Number(
            "--repetitions", "Timed calls per variant after the warm-up (a first call, then calls for 0.4 s: the steady state of a training loop); the median is reported.", "a whole number of at least 1", n => n >= 1, 10);
        Option<double> scale = CliOptions.Number(
            "--scale", "Multiply N and V by this factor in (0, 1], e.g. 0.01 on the CPU accelerator.", "a number in (0, 1]", f => f > 0 && f <= 1, 1.0);
        Option<bool> stages = new("--stages") { Description = "Also report each pipeline stage's device time (per-row kernels: pass 1, count, scan, fill, reduce, positives; matrix kernels: setup (row coefficients, a shared set's dW clear), rows, items)." };
        Option<bool> deterministic = new("--deterministic") { Description = "Time the presets' losses with DeterministicGradients = true (bitwise reproducible dH and dW)." };
        Option<bool> digest = new("--digest") { Description = "Also report a digest of dH and dW from one more call at step 0, to compare runs bit for bit." };
        Option<FileInfo?> plot = new("--plot")
        {
            Description = "Also draw the medians against the rivals' H200 figures, per preset, into this PNG file.",
            HelpName = "file.png",
        };
        plot.AcceptLegalFilePathsOnly();
        Option<FileInfo> plotFont = new("--plot-font")
        {
            Description = "A TrueType font file for the plot's text, where the machine has no fonts of its own (GPU servers often have none).",
            HelpName = "file.ttf",
        };
        plotFont.AcceptExistingOnly();
        Option<bool> gradientFilter = new("--gradient-filter")
        {
            Description = "Measure, instead of the timing table, what GradientFilter = 2^-12 buys and costs on the full-catalog presets (all three unless --preset "
                + "names some): unfiltered and filtered medians on the same inputs at logit stds 1, 4 and 8, and how far dW and Backward's dH move.",
        };
        Option<bool> json = CliOptions.Json();
        var command = new Command("bench", "Time the fused forward+backward pass at the benchmark presets, against the fastest other implementation's H200 figures.")
        {
            device, preset, allVariants, variant, repetitions, scale, stages, deterministic, digest, plot, plotFont, gradientFilter, json,
        };
        command.Validators.Add(result =>
        {
            if (result.GetResult(variant) is not null && !result.GetValue(allVariants))
            {
                result.AddError("--variant picks among the candidates --all-variants times; give --all-variants too.");
            }
        });
        command.Validators.Add(result =>
        {
            if (result.GetResult(plotFont) is not null && result.GetResult(plot) is null)
            {
                result.AddError("--plot-font is the font of --plot's file; give --plot too.");
            }
        });
        command.Validators.Add(result =>
        {
            if (!result.GetValue(gradientFilter))
            {
                return;
            }

            // The filter's measurement times its own pair of losses, picked plans only, at fixed logit spreads: none of
            // these has a meaning there, and ignoring one would print something other than what was asked for.
            (string Name, bool Given)[] others =
            [
                (allVariants.Name, result.GetValue(allVariants)),
                (stages.Name, result.GetValue(stages)),
                (deterministic.Name, result.GetValue(deterministic)),
                (digest.Name, result.GetValue(digest)),
                (plot.Name, result.GetResult(plot) is not null),
            ];
            string[] given = [.. others.Where(o => o.Given).Select(o => o.Name)];
            if (given.Length > 0)
            {
                result.AddError($"{gradientFilter.Name} cannot be combined with {string.Join(" or ", given)}: it times a loss and its filtered twin, not the timing table's rows.");
            }
        });
        command.SetAction(parsed =>
        {
            if (parsed.GetValue(gradientFilter))
            {
                IReadOnlyList<BenchmarkPreset> filtered = FilterPresets(parsed.GetValue(preset));
                using CceDevice filterDevice = DeviceOpener.Open(parsed.GetValue(device));
                return FilterBench.Run(console, filterDevice, filtered, parsed.GetValue(scale), parsed.GetValue(repetitions), parsed.GetValue(json));
            }

            IReadOnlyList<BenchmarkPreset> presets = parsed.GetValue(deterministic) ? DeterministicPresets(parsed.GetValue(preset)) : Presets(parsed.GetValue(preset));

            // Before the benchmark runs: a plot that cannot draw its text fails now, not after minutes of timing.
            BenchPlot? drawing = parsed.GetValue(plot) is FileInfo file ? BenchPlot.For(file, parsed.GetValue(plotFont)) : null;
            using CceDevice opened = DeviceOpener.Open(parsed.GetValue(device));
            var options = new BenchmarkOptions(parsed.GetValue(allVariants), parsed.GetValue(repetitions), parsed.GetValue(stages), parsed.GetValue(digest), parsed.GetValue(variant));
            return Run(console, opened, presets, options, parsed.GetValue(scale), parsed.GetValue(deterministic), drawing, parsed.GetValue(json));
        });
        return command;
    }

    /// <summary>The presets a comma-separated <c>--preset</c> list names, or all of them; a usage error naming close names for an unknown one.</summary>
    internal static IReadOnlyList<BenchmarkPreset> Presets(string? list)
    {
        if (list is null)
        {
            return BenchmarkPreset.All;
        }

        IEnumerable<string> names = BenchmarkPreset.All.Select(p => p.Name);
        return [.. list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(n =>
            BenchmarkPreset.All.FirstOrDefault(p => p.Name == n)
            ?? throw new CliUsageException($"--preset: unknown preset '{n}'; expected one of {string.Join(", ", names)}.{CloseNames.Hint(CloseNames.Find(n, names))}"))];
    }

    /// <summary>The presets <c>--gradient-filter</c> measures: every full-catalog one, or those named, which must all be full-catalog.</summary>
    private static IReadOnlyList<BenchmarkPreset> FilterPresets(string? list) => PresetsThat(
        list, p => p.Filter is not null, name => $"'{name}' samples its negatives, and the gradient filter applies to full-catalog losses only; with --gradient-filter");

    /// <summary>The presets <c>--deterministic</c> times: every one whose loss has a deterministic form, or those named, which must all have one.</summary>
    private static IReadOnlyList<BenchmarkPreset> DeterministicPresets(string? list) => PresetsThat(
        list, p => p.DeterministicRunner is not null, name => $"'{name}' has no deterministic form (its kernels add a shared set's dW rows with atomics); with --deterministic");

    /// <summary>
    /// The presets an option applies to: every one that <paramref name="applies"/> holds for, or those named, which must
    /// all be such; a usage error saying why (<paramref name="refusal"/>) and listing them otherwise.
    /// </summary>
    private static IReadOnlyList<BenchmarkPreset> PresetsThat(string? list, Func<BenchmarkPreset, bool> applies, Func<string, string> refusal)
    {
        BenchmarkPreset[] eligible = [.. BenchmarkPreset.All.Where(applies)];
        if (list is null)
        {
            return eligible;
        }

        IReadOnlyList<BenchmarkPreset> named = Presets(list);
        return named.FirstOrDefault(p => !applies(p)) is BenchmarkPreset refused
            ? throw new CliUsageException($"--preset: {refusal(refused.Name)}, name any of {string.Join(", ", eligible.Select(p => p.Name))}.")
            : named;
    }

    private static int Run(CliConsole console, CceDevice device, IReadOnlyList<BenchmarkPreset> presets, BenchmarkOptions options, double scale, bool deterministic, BenchPlot? plot, bool json)
    {
        var rows = new List<BenchRow>();
        CliProgress.Run(console.Error, "bench", presets, p => p.Name, preset =>
        {
            int n = preset.ScaledRows(scale);
            int v = preset.ScaledCatalog(scale);
            BenchmarkRunner runner = deterministic ? preset.DeterministicRunner! : preset.Runner;
            LossDescription description = runner.Description;
            foreach (BenchmarkResult r in runner.Run(device, n, v, options, preset.Name))
            {
                rows.Add(new BenchRow(n, description.HiddenSize, description.NegativesPerRow(n, v), v, preset.Rival, scale == 1 ? preset.Rival.H200Ms / r.MedianMs : null, r));
            }
        });

        if (plot is not null)
        {
            plot.Write($"cce bench on {device.DeviceName} {device.Name}", scale, rows);
        }

        if (json)
        {
            JsonOutput.Write(console.OutWriter, new BenchReport(device.Fingerprint.Describe(), scale, rows));
            return ExitCode.Ok;
        }

        Report(console.Out, device, rows, scale);
        if (plot is not null)
        {
            console.Out.WriteLine($"plot: {plot.Path}");
        }

        return ExitCode.Ok;
    }

    private static void Report(IAnsiConsole output, CceDevice device, IReadOnlyList<BenchRow> rows, double scale)
    {
        output.WriteLine($"device: {device.DeviceName} {device.Fingerprint.Describe()}");
        output.WriteLine("rival ms: the fastest other implementation at the full preset on an NVIDIA H200 (measured 2026-11-30): Triton, the paper's kernels "
            + "(sampled) or Cut Cross-Entropy's (full catalog); PyTorch, cuBLAS over materialised logits (shared sets). ratio = rival ms / median ms" + (scale == 1 ? "." : ", only at --scale 1."));
        Table table = CliTable.Create(
            output,
            CliTable.Text("preset"),
            CliTable.Number("N"),
            CliTable.Number("D"),
            CliTable.Number("K"),
            CliTable.Number("V"),
            CliTable.Text("variant"),
            CliTable.Number("median ms"),
            CliTable.Number("p20"),
            CliTable.Number("p80"),
            CliTable.Number("G rows/s"),
            CliTable.Number("TFLOP/s"),
            CliTable.Number("loss"),
            CliTable.Number("scratch"),
            CliTable.Text("rival"),
            CliTable.Number("rival ms"),
            CliTable.Number("ratio"));
        foreach (BenchRow row in rows)
        {
            BenchmarkResult r = row.Result;
            CliTable.AddRow(
                table,
                r.Preset,
                Invariant($"{row.Rows}"),
                Invariant($"{row.HiddenSize}"),
                Invariant($"{row.Negatives}"),
                Invariant($"{row.Catalog}"),
                r.Variant,
                Invariant($"{r.MedianMs:F2}"),
                Invariant($"{r.P20Ms:F2}"),
                Invariant($"{r.P80Ms:F2}"),
                Invariant($"{r.GatheredRowsPerSecond / 1e9:F2}"),
                Invariant($"{r.TeraFlops:F1}"),
                Invariant($"{r.Loss:F4}"),
                Invariant($"{r.ScratchBytes / 1e6:F1}MB"),
                row.Rival.Name,
                Invariant($"{row.Rival.H200Ms:F2}"),
                row.Ratio is double ratio ? Invariant($"{ratio:F2}x") : "-");
        }

        output.Write(table);
        foreach (BenchRow row in rows.Where(r => r.Result.Digest is not null || r.Result.Stages.Count > 0))
        {
            BenchmarkResult r = row.Result;
            if (r.Digest is not null)
            {
                output.WriteLine($"{r.Preset} {r.Variant} digest: {r.Digest}");
            }

            if (r.Stages.Count > 0)
            {
                output.WriteLine($"{r.Preset} {r.Variant} stages (device ms): " + string.Join(", ", r.Stages.Select(s => Invariant($"{s.Stage} {s.Milliseconds:F2}"))));
            }
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
