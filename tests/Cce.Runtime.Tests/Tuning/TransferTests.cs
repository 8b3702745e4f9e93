using Cce.CacheStress;
using Cce.Tuning.Cache;
using Xunit;

namespace Cce.Runtime.Tests.Tuning;

/// <summary>Export and import carry entries between caches, verifying each on the way in.</summary>
public sealed class TransferTests
{
    [Fact]
    public void ExportThenImportRestoresEveryEntry()
    {
        using var source = new TempCache();
        using var target = new TempCache();
        TuningEntry[] entries =
        [
            CacheSamples.Entry(CacheSamples.Environment(), CacheSamples.Key(rows: 100), "a"),
            CacheSamples.Entry(CacheSamples.Environment(), CacheSamples.Key(rows: 200), "b"),
            CacheSamples.Entry(CacheSamples.Environment(CacheSamples.Device(name: "NVIDIA A100")), CacheSamples.Key(rows: 100), "c"),
        ];
        foreach (TuningEntry entry in entries)
        {
            source.Cache.Store(entry);
        }

        string bundle = Path.Combine(source.Root, "bundle.json");
        Assert.Equal(3, source.Cache.Export(bundle));
        ImportResult result = target.Cache.Import(bundle);

        Assert.Equal(3, result.Imported);
        Assert.Empty(result.Rejected);
        foreach (TuningEntry entry in entries)
        {
            Assert.True(target.Cache.TryGet(entry.Environment, entry.Key, out TuningEntry? imported));
            Assert.Equal(CacheSamples.TagOf(entry), CacheSamples.TagOf(imported));
            Assert.Equal(entry.CreatedUtc, imported.CreatedUtc);
            Assert.Equal(entry.Results, imported.Results);
            Assert.Equal(
                File.ReadAllBytes(source.Cache.PathOf(entry.Environment, entry.Key)),
                File.ReadAllBytes(target.Cache.PathOf(entry.Environment, entry.Key)));
        }
    }

    [Fact]
    public void ImportRefusesATamperedEntryAndKeepsTheRest()
    {
        using var source = new TempCache();
        using var target = new TempCache();
        source.Cache.Store(CacheSamples.Entry(CacheSamples.Environment(), CacheSamples.Key(rows: 100), "intact"));
        source.Cache.Store(CacheSamples.Entry(CacheSamples.Environment(), CacheSamples.Key(rows: 200), "tampered"));
        string bundle = Path.Combine(source.Root, "bundle.json");
        source.Cache.Export(bundle);
        File.WriteAllText(bundle, File.ReadAllText(bundle).Replace("tampered", "tinkered", StringComparison.Ordinal));

        ImportResult result = target.Cache.Import(bundle);

        Assert.Equal(1, result.Imported);
        Assert.Contains("checksum", Assert.Single(result.Rejected), StringComparison.Ordinal);
        Assert.True(target.Cache.TryGet(CacheSamples.Environment(), CacheSamples.Key(rows: 100), out _));
        Assert.False(target.Cache.TryGet(CacheSamples.Environment(), CacheSamples.Key(rows: 200), out _));
    }

    [Fact]
    public void ImportOfSomethingElseFails()
    {
        using var temp = new TempCache();
        string file = Path.Combine(temp.Root, "notes.json");
        File.WriteAllText(file, "[1, 2, 3]");

        Assert.Throws<InvalidDataException>(() => temp.Cache.Import(file));
    }
}
