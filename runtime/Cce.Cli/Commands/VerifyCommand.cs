using System.CommandLine;
using System.Globalization;
using Cce.Cli.Benchmarks;
using Cce.Cli.Console;
using Cce.Cli.Input;
using Cce.Cli.Json;
using Cce.Cli.Reports;
using Cce.Verification;
using Cce.Verification.Losses;
using Spectre.Console;

namespace Cce.Cli.Commands;

/// <summary><c>cce verify</c>: every loss of the suite on a device against the fp64 reference.</summary>
internal static class VerifyCommand
{
    /// <summary>The verb, bound to <paramref name="console"/>.</summary>
    public static Command Create(CliConsole console)
    {
        Option<DeviceName?> device = CliOptions.Device("The device to verify: cpu, cpu:0, cuda or cuda:N (default: CCE_DEVICE, else the first GPU, else the CPU accelerator).");
        Option<string?> layout = new("--layout")
        {
            Description = "Which kernels: the warp layout (GPUs), the portable one (CPU accelerator) or both (default: both on a GPU, portable on the CPU accelerator).",
        };
        layout.AcceptOnlyFromAmong("warp", "portable", "all");
        Option<string?> loss = new("--loss") { Description = "Only the suite's losses whose name contains this text (case-insensitive).", HelpName = "substring" };
        Option<int?> seed = CliOptions.OptionalNumber<int>("--seed", "Seed of the random inputs (default: fresh each run; printed for reproduction).", "a whole number", _ => true);
        Option<string> scale = new("--scale")
        {
            Description = "suite: the losses of the suite on small cases; bench: the benchmark presets at full size (full-catalog and shared-set ones included) against fp64 on sampled rows and dW rows, and ml20m with an fp32 dH.",
            DefaultValueFactory = _ => "suite",
        };
        scale.AcceptOnlyFromAmong("suite", "bench");
        Option<string?> preset = new("--preset")
        {
            Description = $"With --scale bench, the presets to check: {string.Join(", ", BenchmarkPreset.All.Select(p => p.Name))} (default: all, and ml20m with an fp32 dH).",
            HelpName = "name[,name...]",
        };
        Option<int?> jobs = CliOptions.OptionalNumber<int>(
            "--jobs",
            "Losses verified at once, each on a device object of its own (default: one per two cores up to 8 on a GPU, 1 on the CPU accelerator).",
            "a whole number from 1 to 64",
            n => n is >= 1 and <= 64);
        Option<bool> json = CliOptions.Json();
        var command = new Command("verify", "Check every scheme x element type x operation against the fp64 reference (exit 1 when a case fails).")
        {
            device, layout, loss, seed, scale, preset, jobs, json,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(scale) == "bench" && (result.GetResult(layout) is not null || result.GetResult(loss) is not null || result.GetResult(jobs) is not null))
            {
                result.AddError("--layout, --loss and --jobs apply to the suite's losses; --scale bench checks the benchmark presets.");
            }

            if (result.GetValue(scale) != "bench" && result.GetResult(preset) is not null)
            {
                result.AddError("--preset names benchmark presets, which only --scale bench checks; give --scale bench too.");
            }
        });
        command.SetAction(parsed =>
        {
            int seedValue = parsed.GetValue(seed) ?? Random.Shared.Next();
            bool asJson = parsed.GetValue(json);
            if (parsed.GetValue(scale) == "bench")
            {
                string? named = parsed.GetValue(preset);
                IReadOnlyList<BenchmarkPreset>? presets = named is null ? null : BenchCommand.Presets(named);
                using CceDevice benchDevice = DeviceOpener.Open(parsed.GetValue(device));
                return BenchScale.Run(console, benchDevice, presets, seedValue, asJson);
            }

            IReadOnlyList<LossEntry> losses = Losses(parsed.GetValue(loss));
            using CceDevice opened = DeviceOpener.Open(parsed.GetValue(device));
            return Run(console, opened, Layouts(parsed.GetValue(layout), opened), losses, seedValue, parsed.GetValue(jobs), asJson);
        });
        return command;
    }

    /// <summary>The suite's losses whose name contains <paramref name="filter"/>; a usage error naming close names when none does.</summary>
    private static IReadOnlyList<LossEntry> Losses(string? filter)
    {
        if (filter is null)
        {
            return VerificationLosses.All;
        }

        LossEntry[] matching = [.. VerificationLosses.All.Where(e => e.ShortName.Contains(filter, StringComparison.OrdinalIgnoreCase))];
        return matching.Length > 0
            ? matching
            : throw new CliUsageException($"--loss: no loss of the suite has '{filter}' in its name.{CloseNames.Hint(CloseNames.Find(filter, VerificationLosses.All.Select(e => e.ShortName), substring: true))}");
    }

    private static KernelLayout[] Layouts(string? name, CceDevice device) => name switch
    {
        "warp" => [KernelLayout.Warp],
        "portable" => [KernelLayout.Portable],
        "all" => [KernelLayout.Warp, KernelLayout.Portable],
        _ => device.Kind == DeviceKind.Cuda ? [KernelLayout.Warp, KernelLayout.Portable] : [KernelLayout.Portable],
    };

    private static int Run(CliConsole console, CceDevice device, KernelLayout[] layouts, IReadOnlyList<LossEntry> losses, int seed, int? jobs, bool json)
    {
        if (!json)
        {
            console.Out.WriteLine($"device: {device.DeviceName} {device.Fingerprint.Describe()}");
            console.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"seed:   {seed}   layouts: {string.Join(", ", layouts)}"));
        }

        // Results arrive in the suite's order, loss after loss: a new loss name means the one before it is done.
        var results = new List<VerificationResult>();
        var skips = new List<VerificationSkip>();
        CliProgress.Track(console.Error, "verify", losses.Count, done =>
        {
            string? current = null;
            VerificationSuite.Run(losses, device, layouts, null, new Random(seed), result =>
            {
                if (current is not null && result.Loss != current)
                {
                    done(current);
                }

                current = result.Loss;
                results.Add(result);
            }, jobs, skips.Add);
            if (current is not null)
            {
                done(current);
            }
        });

        if (device.Kind == DeviceKind.Cuda)
        {
            // Memory another CUDA library owns, as inputs and outputs: one loss of each element type.
            var foreignSeeds = new Random(seed);
            foreach (LossEntry entry in losses.GroupBy(e => e.Description.Element).Select(g => g.First()))
            {
                results.AddRange(ForeignMemoryCheck.Run(entry, device, foreignSeeds.Next()));
            }
        }

        int failed = results.Count(r => !r.Passed);
        if (json)
        {
            JsonOutput.Write(console.OutWriter, new VerificationReport(device.Fingerprint.Describe(), seed, results, failed, skips));
        }
        else
        {
            Report(console.Out, results, failed);
            foreach (VerificationSkip skip in skips)
            {
                console.Out.WriteLine($"skipped: {skip.Loss} {skip.Variant}: {skip.Reason}");
            }
        }

        return results.Count > 0 && failed == 0 ? ExitCode.Ok : ExitCode.CheckFailed;
    }

    private static void Report(IAnsiConsole output, IReadOnlyList<VerificationResult> results, int failed)
    {
        Table table = CliTable.Create(
            output,
            CliTable.Text("loss"),
            CliTable.Text("variant"),
            CliTable.Text("case"),
            CliTable.Text("operation"),
            CliTable.Number("loss err"),
            CliTable.Number("lse err"),
            CliTable.Number("dH err"),
            CliTable.Number("dW err"),
            CliTable.Text("tolerance (loss/lse/dH/dW)"),
            CliTable.Text("result"));
        foreach (VerificationResult r in results)
        {
            CliTable.AddRow(
                table,
                r.Loss,
                r.Variant,
                r.Case,
                r.Operation.ToString(),
                Error(r.LossError),
                Error(r.LseError),
                Error(r.GradHiddenError),
                Error(r.GradItemsError),
                string.Create(CultureInfo.InvariantCulture, $"{r.Tolerance.Loss:E0}/{r.Tolerance.Lse:E0}/{r.Tolerance.GradHidden:E0}/{r.Tolerance.GradItems:E0}"),
                r.Passed ? "pass" : "FAIL");
        }

        output.Write(table);
        if (failed == 0)
        {
            output.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[green]all {results.Count} cases passed[/]");
            return;
        }

        output.MarkupLineInterpolated(CultureInfo.InvariantCulture, $"[red]{failed} of {results.Count} cases FAILED[/]");
        foreach (VerificationResult failure in results.Where(r => !r.Passed))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {failure.Loss} {failure.Variant} {failure.Case} {failure.Operation} (input seed {failure.Seed}): {failure.Failure}"));
        }
    }

    private static string Error(double? value) => value is double v ? v.ToString("E2", CultureInfo.InvariantCulture) : "-";
}
