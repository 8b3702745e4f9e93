using System.Globalization;
using Cce.CacheStress;
using Cce.Tuning.Cache;
using Xunit;

namespace Cce.Runtime.Tests.Tuning;

/// <summary>Several processes writing one cache at once lose nothing and mix nothing.</summary>
public sealed class ConcurrentStoreTests
{
    private const int Writers = 8;

    [Fact]
    public void EightProcessesStoringFiftyDistinctKeysEachLeaveFourHundredValidEntries()
    {
        using var temp = new TempCache();
        AssertAllSucceeded(StressProcesses.Run(temp.Root, WriterArguments(temp.Root, "distinct", 50)));

        IReadOnlyList<CacheFile> files = temp.Cache.List();
        Assert.Equal(400, files.Count);
        Assert.All(files, f => Assert.Null(f.Problem));
        Assert.Equal(400, files.Select(f => f.Id).Distinct().Count());
        TuningEnvironment environment = CacheSamples.Environment();
        Assert.All(files, f => Assert.True(temp.Cache.TryGet(environment, f.Entry!.Key, out _)));
        Assert.Empty(temp.Leftovers());
        Assert.Empty(temp.Warnings);
    }

    [Fact]
    public void EightProcessesStoringOneKeyLeaveExactlyOneWritersWholePayload()
    {
        using var temp = new TempCache();
        AssertAllSucceeded(StressProcesses.Run(temp.Root, WriterArguments(temp.Root, "same", 25)));

        CacheFile file = Assert.Single(temp.Cache.List());
        Assert.Null(file.Problem);
        Assert.True(temp.Cache.TryGet(CacheSamples.Environment(), CacheSamples.Key(), out TuningEntry? entry));
        string? tag = CacheSamples.TagOf(entry);
        Assert.Contains(tag, Enumerable.Range(0, Writers).Select(w => $"writer {w}"));
        Assert.Empty(temp.Leftovers());
        Assert.Empty(temp.Warnings);
    }

    private static IEnumerable<string[]> WriterArguments(string root, string mode, int count) =>
        Enumerable.Range(0, Writers).Select(w => new[] { mode, root, w.ToString(CultureInfo.InvariantCulture), count.ToString(CultureInfo.InvariantCulture) });

    private static void AssertAllSucceeded(IReadOnlyList<(int ExitCode, string Errors)> results) =>
        Assert.All(results, r => Assert.True(r.ExitCode == 0, $"writer exited with {r.ExitCode}: {r.Errors}"));
}
