using System.Globalization;
using Cce.Cli.Benchmarks;

namespace Cce.Cli.Commands;

/// <summary><c>cce bench</c>: wall time of the fused forward+backward pass at the benchmark presets.</summary>
internal sealed class BenchCommand : ICliCommand
{
    public string Name => "bench";

    public string Summary => "time the fused forward+backward pass at the benchmark presets";

    public string Usage => """
        usage: cce bench [--device cpu|cuda|cuda:N] [--preset NAME[,NAME…]] [--all-variants] [--repetitions N] [--scale F] [--stages] [--deterministic] [--digest]
          --preset        beauty, ml20m, zvuk, d64 (default: all)
          --all-variants  time every declared tile candidate, not only the one Create(device) picks
          --repetitions   timed calls per variant after two warm-up calls (default 10); the median is reported
          --scale         multiply N and V by F (e.g. 0.01 on the CPU accelerator)
          --stages        also print each pipeline stage's device time (pass 1, count, scan, fill, reduce, positives)
          --deterministic time the presets' losses with DeterministicGradients = true (bitwise reproducible dH and dW)
          --digest        print a digest of dH and dW from one more call at step 0, to compare runs bit for bit
        """;

    public int Run(CommandLine arguments, TextWriter output)
    {
        string? deviceName = arguments.Value("device");
        string[]? names = arguments.Value("preset")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        bool all = arguments.Has("all-variants");
        bool stages = arguments.Has("stages");
        bool deterministic = arguments.Has("deterministic");
        bool digest = arguments.Has("digest");
        int repetitions = int.Parse(arguments.Value("repetitions", "10")!, CultureInfo.InvariantCulture);
        double scale = double.Parse(arguments.Value("scale", "1")!, CultureInfo.InvariantCulture);
        arguments.RejectUnknown();
        if (repetitions < 1)
        {
            throw new CliUsageException($"--repetitions must be at least 1; got {repetitions}.");
        }

        if (!(scale > 0 && scale <= 1))
        {
            throw new CliUsageException($"--scale must be in (0, 1]; got {scale}.");
        }

        IReadOnlyList<BenchmarkPreset> presets = names is null
            ? BenchmarkPreset.All
            : names.Select(n => BenchmarkPreset.All.FirstOrDefault(p => p.Name == n) ?? throw new CliUsageException($"Unknown preset '{n}'; expected one of {string.Join(", ", BenchmarkPreset.All.Select(p => p.Name))}.")).ToList();

        using CceDevice device = deviceName is null ? CceDevice.OpenDefault() : CceDevice.Open(deviceName);
        output.WriteLine($"device: {device.Fingerprint.Describe()}");
        output.WriteLine("paper ms: the paper's Triton kernels at the full preset on an NVIDIA H200 (measured 2026-11-30); ratio = paper ms / median ms.");
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{"preset",-8} {"N",8} {"D",5} {"K",6} {"V",9} {"variant",-11} {"median ms",10} {"p20",8} {"p80",8} {"G rows/s",9} {"loss",8} {"scratch",9} {"paper ms",9} {"ratio",6}"));
        foreach (BenchmarkPreset preset in presets)
        {
            int rows = Math.Max(1, (int)(preset.Rows * scale));
            int catalog = Math.Max(2, (int)(preset.Catalog * scale));
            BenchmarkRunner runner = deterministic ? preset.DeterministicRunner : preset.Runner;
            LossDescription description = runner.Description;
            foreach (BenchmarkResult r in runner.Run(device, rows, catalog, new BenchmarkOptions(all, repetitions, stages, digest), preset.Name))
            {
                output.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{r.Preset,-8} {rows,8} {description.HiddenSize,5} {description.Negatives,6} {catalog,9} {r.Variant,-11} {r.MedianMs,10:F2} {r.P20Ms,8:F2} {r.P80Ms,8:F2} {r.GatheredRowsPerSecond / 1e9,9:F2} {r.Loss,8:F4} {r.ScratchBytes / 1e6,7:F1}MB {preset.PaperH200Ms,9:F1} {(scale == 1 ? (preset.PaperH200Ms / r.MedianMs).ToString("F2", CultureInfo.InvariantCulture) + "x" : "-"),6}"));
                if (r.Digest is not null)
                {
                    output.WriteLine("         digest: " + r.Digest);
                }

                if (r.Stages.Count > 0)
                {
                    output.WriteLine("         stages (device ms): " + string.Join(", ", r.Stages.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Stage} {s.Milliseconds:F2}"))));
                }
            }
        }

        return 0;
    }
}
