using System.Globalization;
using Cce.Cli.Console;
using Cce.Cli.Reports;
using Cce.Tuning.Cache;
using Spectre.Console;

namespace Cce.Cli.Commands;

/// <summary>How <c>cce tune</c> prints its picks.</summary>
internal static class TuneReportTable
{
    /// <summary>
    /// One line per (loss, shape): the pick, its speedup over the default candidate (default median / pick median),
    /// the spread between the slowest and fastest candidate that ran, failures, and the time spent.
    /// </summary>
    public static void Write(IAnsiConsole output, IReadOnlyList<TuneRow> rows)
    {
        Table table = CliTable.Create(
            output,
            CliTable.Text("loss"),
            CliTable.Number("N"),
            CliTable.Number("V"),
            CliTable.Number("bucket"),
            CliTable.Text("pick"),
            CliTable.Number("median ms"),
            CliTable.Text("default"),
            CliTable.Number("speedup"),
            CliTable.Number("worst/best"),
            CliTable.Number("failed"),
            CliTable.Number("time"));
        foreach (TuneRow row in rows)
        {
            CliTable.AddRow(table, Cells(row));
        }

        output.Write(table);
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
