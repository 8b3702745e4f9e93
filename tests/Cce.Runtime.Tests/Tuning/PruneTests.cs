using Cce.CacheStress;
using Cce.Tuning.Cache;
using Xunit;

namespace Cce.Runtime.Tests.Tuning;

/// <summary>Prune removes old and foreign entries; clear removes the cache's own files and nothing else.</summary>
public sealed class PruneTests
{
    [Fact]
    public void PruneByAgeRemovesOnlyOlderEntries()
    {
        using var temp = new TempCache();
        TuningEnvironment environment = CacheSamples.Environment();
        temp.Cache.Store(CacheSamples.Entry(environment, CacheSamples.Key(rows: 1), "old", DateTime.UtcNow.AddDays(-40)));
        temp.Cache.Store(CacheSamples.Entry(environment, CacheSamples.Key(rows: 2), "recent", DateTime.UtcNow.AddDays(-1)));

        Assert.Equal(1, temp.Cache.Prune(TimeSpan.FromDays(30), null));

        Assert.False(temp.Cache.TryGet(environment, CacheSamples.Key(rows: 1), out _));
        Assert.True(temp.Cache.TryGet(environment, CacheSamples.Key(rows: 2), out _));
    }

    [Fact]
    public void PruneForeignDevicesKeepsOnlyTheCurrentDevice()
    {
        using var temp = new TempCache();
        TuningEnvironment here = CacheSamples.Environment();
        TuningEnvironment elsewhere = CacheSamples.Environment(CacheSamples.Device(name: "NVIDIA A100-SXM4-80GB", multiprocessors: 108));
        TuningKey key = CacheSamples.Key();
        temp.Cache.Store(CacheSamples.Entry(here, key, "here"));
        temp.Cache.Store(CacheSamples.Entry(elsewhere, key, "elsewhere"));
        temp.Cache.Store(CacheSamples.Entry(elsewhere, CacheSamples.Key(rows: 7), "elsewhere"));

        Assert.Equal(2, temp.Cache.Prune(null, here.Device));

        Assert.True(temp.Cache.TryGet(here, key, out _));
        Assert.False(Directory.Exists(Path.Combine(temp.Root, elsewhere.DirectoryName)));
        Assert.Single(temp.Cache.List());
    }

    [Fact]
    public void ClearRemovesEntriesAndLeftoversButNothingElse()
    {
        using var temp = new TempCache();
        TuningEnvironment environment = CacheSamples.Environment();
        string path = temp.Cache.Store(CacheSamples.Entry(environment, CacheSamples.Key(rows: 1), "a"));
        temp.Cache.Store(CacheSamples.Entry(environment, CacheSamples.Key(rows: 2), "b"));
        File.WriteAllText(path, "{");
        Assert.False(temp.Cache.TryGet(environment, CacheSamples.Key(rows: 1), out _));
        string unrelated = Path.Combine(temp.Root, "notes.txt");
        File.WriteAllText(unrelated, "mine");

        Assert.Equal(1, temp.Cache.Clear());

        Assert.Equal([unrelated], Directory.GetFileSystemEntries(temp.Root));
    }
}
