using System.Globalization;
using Cce.Cli.Benchmarks;
using Cce.Cli.Console;
using Cce.Cli.Json;
using Cce.Cli.Reports;
using Spectre.Console;

namespace Cce.Cli.Commands;

/// <summary><c>cce bench --gradient-filter</c>: what the gradient filter buys in time and costs in gradient accuracy on the full-catalog presets.</summary>
internal static class FilterBench
{
    /// <summary>Measures every preset at every logit spread of <see cref="FilterBenchmark.LogitSpreads"/>, in that order.</summary>
    public static int Run(CliConsole console, CceDevice device, IReadOnlyList<BenchmarkPreset> presets, double scale, int repetitions, bool json)
    {
        (BenchmarkPreset Preset, double LogitStd)[] steps = [.. presets.SelectMany(p => FilterBenchmark.LogitSpreads.Select(s => (p, s)))];
        var rows = new List<FilterBenchmarkResult>();
        CliProgress.Run(console.Error, "bench --gradient-filter", steps, s => Invariant($"{s.Preset.Name} logit std {s.LogitStd}"), step =>
        {
            BenchmarkPreset preset = step.Preset;
            FilterBenchmark filter = preset.Filter ?? throw new InvalidOperationException($"Preset '{preset.Name}' has no filtered twin.");
            rows.Add(filter.Run(device, preset.Name, preset.ScaledRows(scale), preset.ScaledCatalog(scale), step.LogitStd, repetitions));
        });

        if (json)
        {
            JsonOutput.Write(console.OutWriter, new FilterBenchReport(device.Fingerprint.Describe(), scale, repetitions, rows));
        }
        else
        {
            Report(console.Out, device, rows, repetitions);
        }

        return ExitCode.Ok;
    }

    private static void Report(IAnsiConsole output, CceDevice device, IReadOnlyList<FilterBenchmarkResult> rows, int repetitions)
    {
        output.WriteLine($"device: {device.DeviceName} {device.Fingerprint.Describe()}");
        // Widened to double, the threshold prints as the exact binary value it is (2^-12 reads 0.000244140625, not a rounded float).
        string thresholds = string.Join(", ", rows.Select(r => r.GradientFilter).Distinct().Select(t => ((double)t).ToString("R", CultureInfo.InvariantCulture)));
        output.WriteLine($"filter: terms with probability below {thresholds} left out of dW (every call) and of Backward's dH; ForwardBackward's dH is not filtered.");
        output.WriteLine("inputs: fp16 H and W uniform(-a, a) with a = sqrt(3 std / sqrt(D)), so that the logits have the given std; the same inputs and targets for both losses.");
        output.WriteLine(Invariant($"ms: median of {repetitions} timed ForwardBackward call{(repetitions == 1 ? string.Empty : "s")} after two warm-up calls; speed-up = unfiltered ms / filtered ms."));
        output.WriteLine("rel. diff: |filtered - unfiltered|_2 / |unfiltered|_2 of dW from one ForwardBackward call, of dH from one Backward call.");
        Table table = CliTable.Create(
            output,
            CliTable.Text("preset"),
            CliTable.Number("N"),
            CliTable.Number("V"),
            CliTable.Number("D"),
            CliTable.Number("logit std"),
            CliTable.Number("unfiltered ms"),
            CliTable.Number("filtered ms"),
            CliTable.Number("speed-up"),
            CliTable.Number("dW rel. diff"),
            CliTable.Number("dH rel. diff (Backward)"));
        foreach (FilterBenchmarkResult r in rows)
        {
            CliTable.AddRow(
                table,
                r.Preset,
                Invariant($"{r.Rows}"),
                Invariant($"{r.Catalog}"),
                Invariant($"{r.HiddenSize}"),
                Invariant($"{r.LogitStd}"),
                Invariant($"{r.UnfilteredMs:F2}"),
                Invariant($"{r.FilteredMs:F2}"),
                Invariant($"{r.SpeedUp:F2}x"),
                Invariant($"{r.GradItemsDifference:E2}"),
                Invariant($"{r.GradHiddenDifference:E2}"));
        }

        output.Write(table);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
