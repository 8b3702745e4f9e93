using System.Text.Json;
using Cce.Cli.Benchmarks;
using Cce.Cli.Plotting;
using Cce.Cli.Reports;
using Xunit;

namespace Cce.Cli.Tests.Output;

/// <summary><c>cce bench --plot</c> renders a PNG on a headless machine.</summary>
public sealed class BenchPlotTests
{
    private static readonly byte[] PngSignature = [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void ThePlotIsAPng()
    {
        string file = Path.Combine(Path.GetTempPath(), $"cce-plot-{Guid.NewGuid():N}", "bench.png");
        try
        {
            BenchRow[] rows =
            [
                Row("beauty", "w4r8f1", 21.5, 19.2),
                Row("beauty", "w8r16f2", 18.0, 19.2),
                Row("zvuk", "w4r8f1", 250.0, 300.0),
            ];

            BenchPlot.Write(file, "test", 1, rows);

            Assert.Equal(PngSignature, File.ReadAllBytes(file).Take(PngSignature.Length));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
        }
    }

    [Fact]
    public void BenchWithPlotWritesTheFileAndItsJson()
    {
        string file = Path.Combine(Path.GetTempPath(), $"cce-bench-{Guid.NewGuid():N}.png");
        try
        {
            CliRun run = CliRun.Of("bench", "--device", "cpu", "--preset", "d64", "--scale", "0.0002", "--repetitions", "1", "--plot", file, "--json");

            Assert.Equal(ExitCode.Ok, run.ExitCode);
            Assert.Equal(PngSignature, File.ReadAllBytes(file).Take(PngSignature.Length));
            using JsonDocument json = JsonDocument.Parse(run.Out);
            JsonElement row = json.RootElement.GetProperty("rows")[0];
            Assert.Equal("d64", row.GetProperty("result").GetProperty("preset").GetString());
            Assert.True(row.GetProperty("result").GetProperty("medianMs").GetDouble() > 0);
            Assert.Equal(JsonValueKind.Null, row.GetProperty("ratio").ValueKind);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void AnUnknownPresetIsAUsageErrorWithASuggestion()
    {
        CliRun run = CliRun.Of("bench", "--device", "cpu", "--preset", "ml20");

        Assert.Equal(ExitCode.Usage, run.ExitCode);
        Assert.Contains("Did you mean 'ml20m'?", run.Error, StringComparison.Ordinal);
    }

    private static BenchRow Row(string preset, string variant, double ms, double paper) =>
        new(1024, 256, 511, 4096, paper, paper / ms, new BenchmarkResult(preset, variant, ms, ms, ms, 6.2f, 1e9, 1_000_000, [], null));
}
