using System.Globalization;
using Xunit;

namespace Cce.Cli.Tests.Commands;

/// <summary>
/// <c>cce bench --gradient-filter</c>: a row per full-catalog preset and logit spread, with the filter's effect on dW
/// measured; the options of the timing table and the sampled presets are refused with it.
/// </summary>
public sealed class BenchGradientFilterTests
{
    [Fact]
    public void EverySpreadIsARowAndTheSpreadiestLeavesTermsOut()
    {
        // N = 131 and V = 1000: more than two 64-wide tiles each way, a few seconds of the portable kernels on the CPU.
        CliRun run = CliRun.Of("bench", "--device", "cpu", "--gradient-filter", "--preset", "d64-full", "--scale", "0.001", "--repetitions", "1");

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        Assert.Contains("dW rel. diff", run.Out, StringComparison.Ordinal);
        // Redirected, the table is aligned text: preset, N, V, D, logit std, unfiltered ms, filtered ms, speed-up, dW and dH differences.
        string[][] rows = [.. run.Out.Split('\n').Where(l => l.StartsWith("d64-full ", StringComparison.Ordinal)).Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))];
        Assert.Equal(["1", "4", "8"], rows.Select(r => r[4]));
        foreach (string[] row in rows)
        {
            Assert.True(int.Parse(row[1], CultureInfo.InvariantCulture) >= 128 && int.Parse(row[2], CultureInfo.InvariantCulture) >= 128, string.Join(' ', row));
            double gradItems = double.Parse(row[8], CultureInfo.InvariantCulture);
            double gradHidden = double.Parse(row[9], CultureInfo.InvariantCulture);
            Assert.True(double.IsFinite(gradItems) && gradItems >= 0, $"dW rel. diff {row[8]}");
            Assert.True(double.IsFinite(gradHidden) && gradHidden >= 0, $"dH rel. diff {row[9]}");
        }

        // At std 8 a few items hold nearly all of each row's probability: the others' terms fall below 2^-12 and are left out.
        Assert.True(double.Parse(rows[2][8], CultureInfo.InvariantCulture) > 0, $"dW rel. diff at std 8: {rows[2][8]}");
    }

    [Theory]
    [InlineData("--deterministic")]
    [InlineData("--stages")]
    [InlineData("--digest")]
    [InlineData("--all-variants")]
    [InlineData("--plot", "filter.png")]
    public void AnOptionOfTheTimingTableIsAUsageErrorNamingBoth(params string[] option)
    {
        CliRun run = CliRun.Of(["bench", "--device", "cpu", "--gradient-filter", .. option]);

        Assert.Equal(ExitCode.Usage, run.ExitCode);
        string first = run.Error.Split('\n')[0];
        Assert.Contains("--gradient-filter", first, StringComparison.Ordinal);
        Assert.Contains(option[0], first, StringComparison.Ordinal);
        Assert.Contains("Usage: cce bench", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }

    [Theory]
    [InlineData("d64")]
    [InlineData("d64-full,zvuk")]
    public void ASampledPresetIsAUsageErrorListingTheFullOnes(string presets)
    {
        CliRun run = CliRun.Of("bench", "--device", "cpu", "--gradient-filter", "--preset", presets);

        Assert.Equal(ExitCode.Usage, run.ExitCode);
        string first = run.Error.Split('\n')[0];
        Assert.Contains($"'{presets.Split(',')[^1]}'", first, StringComparison.Ordinal);
        Assert.Contains("full-catalog", first, StringComparison.Ordinal);
        Assert.Contains("beauty-full, ml20m-full, d64-full", first, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }
}
