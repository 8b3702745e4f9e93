using System.Globalization;
using Cce.Cli.Benchmarks;
using Cce.Cli.Console;
using Cce.Cli.Json;
using Cce.Cli.Reports;
using Cce.Verification;
using Spectre.Console;

namespace Cce.Cli.Commands;

/// <summary><c>cce verify --scale bench</c>: the benchmark presets at full size against fp64 on sampled rows and dW rows.</summary>
internal static class BenchScale
{
    /// <summary>
    /// Checks the picked kernels of every preset, then ml20m with an fp32 dH (the remedy for fp16 subnormals), or of the
    /// <paramref name="presets"/> named alone; 0 when all pass.
    /// </summary>
    public static int Run(CliConsole console, CceDevice device, IReadOnlyList<BenchmarkPreset>? presets, int seed, bool json)
    {
        BenchmarkPreset ml20m = BenchmarkPreset.All.Single(p => p.Name == "ml20m");
        // Full-catalog and shared-set presets: sampled rows against fp64 over every candidate, and dW rows summed over every row of the batch.
        List<(string Name, Func<ScaleCheckResult> Check)> checks =
            [.. (presets ?? BenchmarkPreset.All).Select(p => (p.Name, (Func<ScaleCheckResult>)(() => p.Runner.Check(device, p.Rows, p.Catalog, seed))))];
        if (presets is null)
        {
            checks.Add(("ml20m fp32 dH", () => BenchmarkRunner.Check<D256K511Fp32GradientLoss, float>(device, ml20m.Rows, ml20m.Catalog, seed)));
        }

        var rows = new List<ScaleCheckRow>();
        CliProgress.Run(console.Error, "verify --scale bench", checks, c => c.Name, c => rows.Add(new ScaleCheckRow(c.Name, c.Check())));
        int failed = rows.Count(r => !r.Result.Passed);
        if (json)
        {
            JsonOutput.Write(console.OutWriter, new ScaleCheckReport(device.Fingerprint.Describe(), seed, rows, failed));
        }
        else
        {
            Report(console.Out, device, seed, rows, failed);
        }

        return failed == 0 ? ExitCode.Ok : ExitCode.CheckFailed;
    }

    private static void Report(IAnsiConsole output, CceDevice device, int seed, IReadOnlyList<ScaleCheckRow> rows, int failed)
    {
        output.WriteLine($"device: {device.DeviceName} {device.Fingerprint.Describe()}");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed:   {seed}   sampled rows (loss, LSE, dH) and dW rows against fp64; dH err is beyond one ulp of its storage, raw beside it"));
        Table table = CliTable.Create(
            output,
            CliTable.Text("preset"),
            CliTable.Text("loss"),
            CliTable.Text("variant"),
            CliTable.Number("rows"),
            CliTable.Number("dW rows"),
            CliTable.Number("from"),
            CliTable.Number("loss err"),
            CliTable.Number("lse err"),
            CliTable.Number("dH err"),
            CliTable.Number("dH raw"),
            CliTable.Number("subnormal"),
            CliTable.Number("dW err"),
            CliTable.Text("result"));
        foreach ((string preset, ScaleCheckResult r) in rows)
        {
            CliTable.AddRow(
                table,
                preset,
                r.Loss,
                r.Variant,
                Invariant($"{r.CheckedRows}"),
                Invariant($"{r.CheckedItems}"),
                Invariant($"{r.ContributingRows}"),
                Invariant($"{r.LossError:E2}"),
                Invariant($"{r.LseError:E2}"),
                Invariant($"{r.GradHiddenError:E2}"),
                Invariant($"{r.GradHiddenRawError:E2}"),
                Invariant($"{r.SubnormalGradHidden:P1}"),
                Invariant($"{r.GradItemsError:E2}"),
                r.Passed ? "pass" : "FAIL: " + r.Failure);
        }

        output.Write(table);
        output.WriteLine(failed == 0 ? $"all {rows.Count} checks passed" : $"{failed} of {rows.Count} checks FAILED");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
