using System.Globalization;
using Cce.Cli.Benchmarks;
using Cce.Verification;

namespace Cce.Cli.Commands;

/// <summary><c>cce verify --scale bench</c>: the benchmark presets at full size against fp64 on sampled rows and dW rows.</summary>
internal static class BenchScale
{
    /// <summary>Checks every preset's picked kernels, then ml20m with an fp32 dH (the remedy for fp16 subnormals); 0 when all pass.</summary>
    public static int Run(CceDevice device, int seed, TextWriter output)
    {
        output.WriteLine($"device: {device.Fingerprint.Describe()}");
        output.WriteLine($"seed:   {seed}   sampled rows (loss, LSE, dH) and dW rows against fp64; dH err is beyond one ulp of its storage, raw beside it");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{"preset",-14} {"loss",-26} {"variant",-14} {"rows",5} {"dW rows",7} {"from",6} {"loss err",9} {"lse err",9} {"dH err",9} {"dH raw",9} {"subnormal",9} {"dW err",9} result"));
        var results = new List<ScaleCheckResult>();
        foreach (BenchmarkPreset preset in BenchmarkPreset.All)
        {
            results.Add(Print(output, preset.Name, preset.Runner.Check(device, preset.Rows, preset.Catalog, seed)));
        }

        BenchmarkPreset ml20m = BenchmarkPreset.All.Single(p => p.Name == "ml20m");
        results.Add(Print(output, "ml20m fp32 dH", BenchmarkRunner.Check<D256K511Fp32GradientLoss, float>(device, ml20m.Rows, ml20m.Catalog, seed)));
        int failed = results.Count(r => !r.Passed);
        output.WriteLine(failed == 0 ? $"all {results.Count} checks passed" : $"{failed} of {results.Count} checks FAILED");
        return failed == 0 ? 0 : 1;
    }

    private static ScaleCheckResult Print(TextWriter output, string preset, ScaleCheckResult r)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{preset,-14} {r.Loss,-26} {r.Variant,-14} {r.CheckedRows,5} {r.CheckedItems,7} {r.ContributingRows,6} {r.LossError,9:E2} {r.LseError,9:E2} {r.GradHiddenError,9:E2} {r.GradHiddenRawError,9:E2} {r.SubnormalGradHidden,9:P1} {r.GradItemsError,9:E2} {(r.Passed ? "pass" : "FAIL: " + r.Failure)}"));
        return r;
    }
}
