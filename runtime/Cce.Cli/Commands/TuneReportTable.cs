using System.Globalization;
using Cce.Tuning.Cache;

namespace Cce.Cli.Commands;

/// <summary>How <c>cce tune</c> prints its picks.</summary>
internal static class TuneReportTable
{
    /// <summary>
    /// One line per (loss, shape): the pick, its speedup over the default candidate (default median / pick median),
    /// the spread between the slowest and fastest candidate that ran, failures, and the time spent.
    /// </summary>
    public static void Write(TextWriter output, IReadOnlyList<TuneRow> rows)
    {
        string[] header = ["loss", "N", "V", "bucket", "pick", "median ms", "default", "speedup", "worst/best", "failed", "time"];
        List<string[]> lines = [header, .. rows.Select(Cells)];
        int[] widths = [.. Enumerable.Range(0, header.Length).Select(c => lines.Max(l => l[c].Length))];
        foreach (string[] line in lines)
        {
            output.WriteLine(string.Join("  ", line.Select((cell, c) => c is 0 or 4 or 6 ? cell.PadRight(widths[c]) : cell.PadLeft(widths[c]))).TrimEnd());
        }
    }

    private static string[] Cells(TuneRow row)
    {
        TuningEntry entry = row.Report.Entry;
        CandidateResult? pick = row.Report.Picked;
        CandidateResult? fallback = row.Report.Default(row.DefaultTile);
        double[] medians = [.. entry.Results.Where(r => r.MedianMs is not null).Select(r => r.MedianMs!.Value)];
        return
        [
            row.Loss,
            Text(row.Rows),
            Text(row.Catalog),
            FormattableString.Invariant($"{entry.Key.Bucket.Rows}x{entry.Key.Bucket.Catalog}"),
            entry.PickIsDefault ? $"{entry.Pick} (all failed)" : entry.Pick.ToString(),
            pick?.MedianMs is double ms ? ms.ToString("F4", CultureInfo.InvariantCulture) : "-",
            row.DefaultTile.ToString(),
            Ratio(fallback?.MedianMs, pick?.MedianMs),
            medians.Length > 0 ? Ratio(medians.Max(), medians.Min()) : "-",
            Text(entry.Results.Count(r => r.Status == CandidateStatus.Failed)),
            row.Report.FromCache ? "cached" : row.Report.Elapsed.TotalSeconds.ToString("F1", CultureInfo.InvariantCulture) + " s",
        ];
    }

    private static string Ratio(double? numerator, double? denominator) =>
        numerator is double a && denominator is double b && b > 0 ? (a / b).ToString("F2", CultureInfo.InvariantCulture) + "x" : "-";

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
