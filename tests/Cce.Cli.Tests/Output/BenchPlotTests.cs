using System.Text.Json;
using Cce.Cli.Benchmarks;
using Cce.Cli.Plotting;
using Cce.Cli.Reports;
using Xunit;

namespace Cce.Cli.Tests.Output;

/// <summary>
/// <c>cce bench --plot</c> renders a PNG on a headless machine: in the machine's fonts, or in the TrueType file of
/// <c>--plot-font</c> where it has none; with neither, it refuses before timing anything.
/// </summary>
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

            if (SkiaSharp.SKTypeface.Default.GlyphCount == 0)
            {
                CliUsageException e = Assert.Throws<CliUsageException>(() => BenchPlot.For(new FileInfo(file), null));
                Assert.Contains("--plot-font", e.Message, StringComparison.Ordinal);
                return;
            }

            BenchPlot.For(new FileInfo(file), null).Write("test", 1, rows);

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
    public void AFontFileDrawsThePlotsText()
    {
        // Any TrueType file of the system will do (the suite's machines have the DejaVu fonts).
        string? font = Directory.Exists("/usr/share/fonts") ? Directory.EnumerateFiles("/usr/share/fonts", "*.ttf", SearchOption.AllDirectories).FirstOrDefault() : null;
        Assert.True(font is not null, "Expected a TrueType file under /usr/share/fonts to draw with.");
        string file = Path.Combine(Path.GetTempPath(), $"cce-font-{Guid.NewGuid():N}.png");
        try
        {
            BenchPlot.For(new FileInfo(file), new FileInfo(font!)).Write("test", 1, [Row("d64", "w4r4f4", 7.5, 25.2)]);
            Assert.Equal(PngSignature, File.ReadAllBytes(file).Take(PngSignature.Length));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void AFontWithoutAPlotIsAUsageError()
    {
        CliRun run = CliRun.Of("bench", "--device", "cpu", "--plot-font", typeof(BenchPlotTests).Assembly.Location);

        Assert.Equal(ExitCode.Usage, run.ExitCode);
        Assert.Contains("give --plot too", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnknownPresetIsAUsageErrorWithASuggestion()
    {
        CliRun run = CliRun.Of("bench", "--device", "cpu", "--preset", "ml20");

        Assert.Equal(ExitCode.Usage, run.ExitCode);
        Assert.Contains("Did you mean 'ml20m'?", run.Error, StringComparison.Ordinal);
    }

    private static BenchRow Row(string preset, string variant, double ms, double paper) =>
        new(1024, 256, 511, 4096, BenchmarkRival.Triton(paper), paper / ms, new BenchmarkResult(preset, variant, ms, ms, ms, 6.2f, 1e9, 1.0, 1_000_000, [], null));
}
