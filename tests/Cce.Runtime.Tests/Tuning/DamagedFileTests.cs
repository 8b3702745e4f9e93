using System.Text;
using Cce.CacheStress;
using Cce.Tuning.Cache;
using Xunit;

namespace Cce.Runtime.Tests.Tuning;

/// <summary>Every kind of damaged entry file reads as a miss, is set aside with one warning, and is replaced by the next store.</summary>
public sealed class DamagedFileTests
{
    public enum Truncation
    {
        Empty,
        OneByte,
        Half,
        AllButOneByte,
    }

    [Theory]
    [InlineData(Truncation.Empty)]
    [InlineData(Truncation.OneByte)]
    [InlineData(Truncation.Half)]
    [InlineData(Truncation.AllButOneByte)]
    public void TruncatedFileIsAMissSetAsideAndValidOnceStoredAgain(Truncation truncation)
    {
        using var temp = new TempCache();
        (TuningEnvironment environment, TuningKey key, string path) = StoreSample(temp);
        byte[] whole = File.ReadAllBytes(path);
        int length = truncation switch
        {
            Truncation.Empty => 0,
            Truncation.OneByte => 1,
            Truncation.Half => whole.Length / 2,
            _ => whole.Length - 1,
        };
        File.WriteAllBytes(path, whole[..length]);

        Assert.False(temp.Cache.TryGet(environment, key, out _));

        Assert.False(File.Exists(path));
        string aside = Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!, "*.corrupt-*"));
        Assert.Equal(whole[..length], File.ReadAllBytes(aside));
        Assert.Contains(path, Assert.Single(temp.Warnings), StringComparison.Ordinal);

        temp.Cache.Store(CacheSamples.Entry(environment, key, "retuned"));
        Assert.True(temp.Open().TryGet(environment, key, out TuningEntry? entry));
        Assert.Equal("retuned", CacheSamples.TagOf(entry));
        Assert.Single(temp.Warnings);
    }

    [Fact]
    public void ChangedValueFailsTheChecksum()
    {
        using var temp = new TempCache();
        (TuningEnvironment environment, TuningKey key, string path) = StoreSample(temp);
        Rewrite(path, "\"medianMs\": 1.5", "\"medianMs\": 0.5");

        Assert.False(temp.Cache.TryGet(environment, key, out _));
        Assert.Contains("checksum", Assert.Single(temp.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void OtherSchemaVersionIsAMiss()
    {
        using var temp = new TempCache();
        (TuningEnvironment environment, TuningKey key, string path) = StoreSample(temp);
        Rewrite(path, $"\"schemaVersion\": {CacheFormat.SchemaVersion},", $"\"schemaVersion\": {CacheFormat.SchemaVersion + 1},");

        Assert.False(temp.Cache.TryGet(environment, key, out _));
        Assert.Contains($"schema version {CacheFormat.SchemaVersion + 1}", Assert.Single(temp.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void FileHoldingAnotherKeyIsAMiss()
    {
        using var temp = new TempCache();
        (TuningEnvironment environment, TuningKey key, string path) = StoreSample(temp);
        TuningKey other = CacheSamples.Key(rows: 16);
        File.Copy(path, temp.Cache.PathOf(environment, other));

        Assert.False(temp.Cache.TryGet(environment, other, out _));
        Assert.Contains("another key", Assert.Single(temp.Warnings), StringComparison.Ordinal);
        Assert.True(temp.Cache.TryGet(environment, key, out _));
    }

    [Fact]
    public void DamagedFileWarnsOnceThenIsAPlainMiss()
    {
        using var temp = new TempCache();
        (TuningEnvironment environment, TuningKey key, string path) = StoreSample(temp);
        File.WriteAllText(path, "{");

        Assert.False(temp.Cache.TryGet(environment, key, out _));
        Assert.False(temp.Open().TryGet(environment, key, out _));
        Assert.Single(temp.Warnings);
    }

    [Fact]
    public void ListReportsDamagedFilesWithoutMovingThem()
    {
        using var temp = new TempCache();
        (_, _, string path) = StoreSample(temp);
        File.WriteAllText(path, string.Empty);

        CacheFile file = Assert.Single(temp.Cache.List());
        Assert.Null(file.Entry);
        Assert.Equal("empty file", file.Problem);
        Assert.True(File.Exists(path));
        Assert.Empty(temp.Warnings);
    }

    private static (TuningEnvironment Environment, TuningKey Key, string Path) StoreSample(TempCache temp)
    {
        TuningEnvironment environment = CacheSamples.Environment();
        TuningKey key = CacheSamples.Key();
        string path = temp.Cache.Store(CacheSamples.Entry(environment, key, "first"));
        Assert.True(temp.Cache.TryGet(environment, key, out _));
        return (environment, key, path);
    }

    private static void Rewrite(string path, string from, string to)
    {
        string text = File.ReadAllText(path, Encoding.UTF8);
        Assert.Contains(from, text, StringComparison.Ordinal);
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }
}
