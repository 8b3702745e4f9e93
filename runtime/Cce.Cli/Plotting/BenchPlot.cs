using Cce.Cli.Reports;
using ScottPlot;

namespace Cce.Cli.Plotting;

/// <summary>
/// Draws <c>cce bench --plot</c>: per preset, the fastest median of this run beside the paper kernel's H200 figure,
/// as grouped bars in milliseconds. Rendered off screen by SkiaSharp, so it needs no display.
/// </summary>
internal static class BenchPlot
{
    private const int Width = 900;
    private const int Height = 540;

    /// <summary>Writes the plot of <paramref name="rows"/> to the PNG file <paramref name="path"/>.</summary>
    public static void Write(string path, string title, double scale, IReadOnlyList<BenchRow> rows)
    {
        var presets = rows.GroupBy(r => r.Result.Preset).Select(g => (Name: g.Key, Ours: g.Min(r => r.Result.MedianMs), Paper: g.First().PaperH200Ms)).ToList();
        var plot = new Plot();
        double[] ticks = [.. presets.Select((_, i) => i * 3.0 + 0.5)];
        ScottPlot.Plottables.BarPlot ours = plot.Add.Bars([.. presets.Select((_, i) => i * 3.0)], [.. presets.Select(p => p.Ours)]);
        ours.LegendText = "cce (fastest variant)";
        ScottPlot.Plottables.BarPlot paper = plot.Add.Bars([.. presets.Select((_, i) => i * 3.0 + 1)], [.. presets.Select(p => p.Paper)]);
        paper.LegendText = "paper kernel, H200, full preset";
        foreach (Bar bar in ours.Bars.Concat(paper.Bars))
        {
            bar.Label = bar.Value.ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
        }

        ours.ValueLabelStyle.Bold = true;
        plot.Axes.Bottom.SetTicks(ticks, [.. presets.Select(p => p.Name)]);
        plot.Axes.Margins(bottom: 0);
        plot.Title(scale == 1 ? title : FormattableString.Invariant($"{title} (N and V x {scale}; the paper's figures are at full size)"));
        plot.YLabel("ms per forward+backward (median)");
        plot.XLabel("preset");
        plot.ShowLegend(Edge.Bottom);
        string? folder = Path.GetDirectoryName(path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        plot.SavePng(path, Width, Height);
    }
}
