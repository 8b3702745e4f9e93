using System.Globalization;
using System.Text.Json;
using Cce.Verification;
using Cce.Verification.Losses;

namespace Cce.Cli.Commands;

/// <summary><c>cce verify</c>: every loss of the suite on a device against the fp64 reference.</summary>
internal sealed class VerifyCommand : ICliCommand
{
    public string Name => "verify";

    public string Summary => "check every scheme x element type x operation against the fp64 reference";

    public string Usage => """
        usage: cce verify [--device cpu|cuda|cuda:N] [--layout warp|portable|all] [--loss SUBSTRING] [--seed N] [--json] [--scale suite|bench]
          --device   the device to verify (default: CCE_DEVICE, else the first GPU, else the CPU accelerator)
          --layout   which kernels: the warp layout (GPUs), the portable one (CPU accelerator) or both
                     (default: both on a GPU, portable on the CPU accelerator)
          --loss     only the suite's losses whose name contains SUBSTRING
          --seed     seed of the random inputs (default: fresh each run; printed for reproduction)
          --json     one JSON document instead of the table
          --scale    suite (default): the losses of the suite on small cases; bench: the benchmark presets at full size,
                     the picked kernels against fp64 on sampled rows and dW rows (for a GPU), and ml20m with an fp32 dH
        exit code: 0 when every case passes, 1 when any fails
        """;

    public int Run(CommandLine arguments, TextWriter output)
    {
        string? deviceName = arguments.Value("device");
        string? layoutName = arguments.Value("layout");
        string? filter = arguments.Value("loss");
        string? seedText = arguments.Value("seed");
        bool json = arguments.Has("json");
        string scale = arguments.Value("scale", "suite")!;
        arguments.RejectUnknown();

        int seed = seedText is null ? Random.Shared.Next() : int.Parse(seedText, CultureInfo.InvariantCulture);
        using CceDevice device = deviceName is null ? CceDevice.OpenDefault() : CceDevice.Open(deviceName);
        if (scale == "bench")
        {
            return BenchScale.Run(device, seed, output);
        }

        if (scale != "suite")
        {
            throw new CliUsageException($"--scale expects suite or bench; got '{scale}'.");
        }

        KernelLayout[] layouts = layoutName switch
        {
            null => device.Kind == DeviceKind.Cuda ? [KernelLayout.Warp, KernelLayout.Portable] : [KernelLayout.Portable],
            "warp" => [KernelLayout.Warp],
            "portable" => [KernelLayout.Portable],
            "all" => [KernelLayout.Warp, KernelLayout.Portable],
            _ => throw new CliUsageException($"--layout expects warp, portable or all; got '{layoutName}'."),
        };

        if (!json)
        {
            output.WriteLine($"device: {device.Fingerprint.Describe()}");
            output.WriteLine($"seed:   {seed}   layouts: {string.Join(", ", layouts)}");
            output.WriteLine();
            output.WriteLine(Row("loss", "variant", "case", "operation", "loss err", "lse err", "dH err", "dW err", "tolerance (loss/lse/dH/dW)", "result"));
        }

        IReadOnlyList<VerificationResult> results = VerificationSuite.Run(VerificationLosses.All, device, layouts, filter, new Random(seed), result =>
        {
            if (!json)
            {
                output.WriteLine(Format(result));
            }
        });

        int failed = results.Count(r => !r.Passed);
        if (json)
        {
            output.WriteLine(JsonSerializer.Serialize(new VerificationReport(device.Fingerprint.Describe(), seed, results, failed), VerifyJsonContext.Default.VerificationReport));
        }
        else
        {
            output.WriteLine();
            output.WriteLine(failed == 0
                ? $"all {results.Count} cases passed"
                : $"{failed} of {results.Count} cases FAILED");
            foreach (VerificationResult failure in results.Where(r => !r.Passed))
            {
                output.WriteLine($"  {failure.Loss} {failure.Variant} {failure.Case} {failure.Operation} (input seed {failure.Seed}): {failure.Failure}");
            }
        }

        return results.Count > 0 && failed == 0 ? 0 : 1;
    }

    private static string Format(VerificationResult r) => Row(
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

    private static string Error(double? value) => value is double v ? v.ToString("E2", CultureInfo.InvariantCulture) : "-";

    private static string Row(params string[] cells) =>
        string.Create(CultureInfo.InvariantCulture, $"{cells[0],-36} {cells[1],-8} {cells[2],-13} {cells[3],-15} {cells[4],9} {cells[5],9} {cells[6],9} {cells[7],9}  {cells[8],-26} {cells[9]}");
}
