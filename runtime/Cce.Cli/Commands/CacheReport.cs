using System.Globalization;
using Cce.Cli.Console;
using Cce.Tuning.Cache;
using Spectre.Console;

namespace Cce.Cli.Commands;

/// <summary>How <c>cce cache</c> prints entries, listings and explanations.</summary>
internal static class CacheReport
{
    /// <summary>One table row per entry, a table per environment.</summary>
    public static void List(IAnsiConsole output, string root, IReadOnlyList<CacheFile> files)
    {
        output.WriteLine($"cache: {root}");
        foreach (IGrouping<string, CacheFile> environment in files.GroupBy(f => f.EnvironmentDirectory))
        {
            output.WriteLine();
            TuningEnvironment? known = environment.Select(f => f.Entry?.Environment).FirstOrDefault(e => e is not null);
            output.WriteLine(known is null ? environment.Key : $"{environment.Key}  {Describe(known)}");
            Table table = CliTable.Create(output, CliTable.Text("id"), CliTable.Text("pick"), CliTable.Number("median ms"), CliTable.Number("candidates"), CliTable.Number("failed"), CliTable.Text("created"), CliTable.Text("loss"));
            foreach (CacheFile file in environment)
            {
                if (file.Entry is TuningEntry entry)
                {
                    CliTable.AddRow(
                        table,
                        file.Id,
                        entry.PickIsDefault ? $"{entry.Pick} (default)" : entry.Pick.ToString(),
                        entry.Results.FirstOrDefault(r => r.Tile == entry.Pick && r.Status == CandidateStatus.Ok)?.MedianMs is double ms ? ms.ToString("F4", CultureInfo.InvariantCulture) : "untimed",
                        entry.Results.Count.ToString(CultureInfo.InvariantCulture),
                        entry.Results.Count(r => r.Status == CandidateStatus.Failed).ToString(CultureInfo.InvariantCulture),
                        Time(entry.CreatedUtc),
                        entry.Key.Description);
                }
                else
                {
                    CliTable.AddRow(table, file.Id, "unusable", "-", "-", "-", "-", file.Problem ?? string.Empty);
                }
            }

            output.Write(table);
        }

        int unusable = files.Count(f => f.Entry is null);
        output.WriteLine();
        output.WriteLine(FormattableString.Invariant($"{files.Count - unusable} entries, {unusable} unusable"));
    }

    /// <summary>Everything an entry holds, candidate by candidate.</summary>
    public static void Show(TextWriter output, CacheFile file)
    {
        output.WriteLine($"entry        {file.Name}");
        output.WriteLine($"file         {file.Path}");
        if (file.Entry is not TuningEntry entry)
        {
            output.WriteLine($"unusable     {file.Problem}");
            return;
        }

        output.WriteLine($"environment  {Describe(entry.Environment)}");
        output.WriteLine($"loss         {entry.Key.Description}");
        output.WriteLine($"shape        {entry.Key.Bucket}");
        output.WriteLine($"created      {Time(entry.CreatedUtc)}");
        output.WriteLine($"pick         {entry.Pick}{(entry.PickIsDefault ? " (the default: every candidate failed)" : string.Empty)}");
        output.WriteLine("candidates");
        foreach (CandidateResult result in entry.Results)
        {
            string mark = result.Tile == entry.Pick ? "*" : " ";
            output.WriteLine(result.Status == CandidateStatus.Ok
                ? FormattableString.Invariant($"  {mark} {result.Tile,-10} median {result.MedianMs,9:F4} ms  p20 {result.P20Ms,9:F4}  p80 {result.P80Ms,9:F4}")
                : $"  {mark} {result.Tile,-10} failed: {result.Reason}");
        }
    }

    /// <summary>Hit or miss, and what sets the nearest entries apart.</summary>
    public static void Explain(TextWriter output, TuningEnvironment environment, string description, IReadOnlyList<KernelTile>? candidates, ShapeBucket bucket, CacheExplanation explanation)
    {
        output.WriteLine($"environment  {explanation.EnvironmentDirectory}  {Describe(environment)}");
        output.WriteLine($"loss         {description}");
        output.WriteLine($"candidates   {(candidates is null ? "any" : TuningKey.CandidateText(candidates))}");
        output.WriteLine($"shape        {bucket}");
        output.WriteLine(explanation.Hit ? "hit" : "miss");
        Neighbours(output, "nearest entries of this environment", explanation.SameEnvironment);
        Neighbours(output, "nearest entries of other environments", explanation.OtherEnvironments);
        if (explanation.Unusable.Count > 0)
        {
            output.WriteLine("unusable files of this environment (a lookup sets them aside and retunes)");
            foreach (CacheFile file in explanation.Unusable)
            {
                output.WriteLine($"  {file.Id}: {file.Problem}");
            }
        }
    }

    private static void Neighbours(TextWriter output, string title, IReadOnlyList<CacheNeighbour> neighbours)
    {
        output.WriteLine(neighbours.Count == 0 ? $"{title}: none" : title);
        foreach (CacheNeighbour neighbour in neighbours)
        {
            output.WriteLine($"  {neighbour.File.Name}{(neighbour.Differences.Count == 0 ? ": same key" : string.Empty)}");
            foreach (KeyDifference difference in neighbour.Differences)
            {
                output.WriteLine($"      {difference.Field}: {difference.Wanted} wanted, {difference.Found} found");
            }
        }
    }

    private static string Describe(TuningEnvironment environment) =>
        $"{environment.Device.Describe()}, ILGPU {environment.IlgpuVersion}, Cce.Runtime {environment.RuntimeVersion}, timing {environment.TimingPolicy}, schema {environment.SchemaVersion.ToString(CultureInfo.InvariantCulture)}";

    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
