using Cce.Cli.Reports;
using ScottPlot;

namespace Cce.Cli.Plotting;

/// <summary>
/// Draws <c>cce bench --plot</c>: per preset, the fastest median of this run beside its rival's H200 figure,
/// as grouped bars in milliseconds. Rendered off screen by SkiaSharp, so it needs no display.
/// </summary>
internal sealed class BenchPlot
{
    private const int Width = 900;
    private const int Height = 540;

    // The name the --plot-font file is registered under with ScottPlot.
    private const string FontName = "cce-plot";

    private readonly string? font;

    private BenchPlot(string path, string? font)
    {
        Path = path;
        this.font = font;
    }

    /// <summary>The PNG file written.</summary>
    public string Path { get; }

    /// <summary>
    /// A plot into <paramref name="file"/>, its text in <paramref name="fontFile"/> or, without one, in the machine's
    /// fonts; a usage error when there is neither, since the plot would come out without a word on it.
    /// </summary>
    public static BenchPlot For(FileInfo file, FileInfo? fontFile)
    {
        if (fontFile is not null)
        {
            Fonts.AddFontFile(FontName, fontFile.FullName);
            return new BenchPlot(file.FullName, FontName);
        }

        // Without fonts SkiaSharp still hands out a default typeface, one without glyphs: the text would be blank.
        return SkiaSharp.SKTypeface.Default.GlyphCount > 0
            ? new BenchPlot(file.FullName, null)
            : throw new CliUsageException("--plot: this machine has no fonts to draw the plot's text with; install one (e.g. the fonts-dejavu package) or name a .ttf file with --plot-font.");
    }

    /// <summary>Writes the plot of <paramref name="rows"/> to <see cref="Path"/>.</summary>
    public void Write(string title, double scale, IReadOnlyList<BenchRow> rows)
    {
        var presets = rows.GroupBy(r => r.Result.Preset).Select(g => (Name: g.Key, Ours: g.Min(r => r.Result.MedianMs), Rival: g.First().Rival)).ToList();
        var plot = new Plot();
        double[] ticks = [.. presets.Select((_, i) => i * 3.0 + 0.5)];
        ScottPlot.Plottables.BarPlot ours = plot.Add.Bars([.. presets.Select((_, i) => i * 3.0)], [.. presets.Select(p => p.Ours)]);
        ours.LegendText = "cce (fastest variant)";
        ScottPlot.Plottables.BarPlot rival = plot.Add.Bars([.. presets.Select((_, i) => i * 3.0 + 1)], [.. presets.Select(p => p.Rival.H200Ms)]);
        rival.LegendText = "rival, H200, full preset";
        foreach (Bar bar in ours.Bars.Concat(rival.Bars))
        {
            bar.Label = bar.Value.ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
        }

        ours.ValueLabelStyle.Bold = true;
        plot.Axes.Bottom.SetTicks(ticks, [.. presets.Select(p => $"{p.Name}\nvs {p.Rival.Name}")]);
        plot.Axes.Margins(bottom: 0);
        plot.Title(scale == 1 ? title : FormattableString.Invariant($"{title} (N and V x {scale}; the rivals' figures are at full size)"));
        plot.YLabel("ms per forward+backward (median)");
        plot.XLabel("preset");
        plot.ShowLegend(Edge.Bottom);
        if (font is not null)
        {
            // The bars' value labels have styles of their own, outside the plot's fonts.
            plot.Font.Set(font);
            ours.ValueLabelStyle.FontName = font;
            rival.ValueLabelStyle.FontName = font;
        }

        string? folder = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        plot.SavePng(Path, Width, Height);
    }
}
