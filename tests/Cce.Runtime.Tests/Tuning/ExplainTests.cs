using Cce.CacheStress;
using Cce.Tuning.Cache;
using Xunit;

namespace Cce.Runtime.Tests.Tuning;

/// <summary>Explain names the key fields that separate a miss from the nearest entries.</summary>
public sealed class ExplainTests
{
    [Fact]
    public void HitIsReportedAsSuch()
    {
        using var temp = new TempCache();
        TuningEnvironment environment = CacheSamples.Environment();
        temp.Cache.Store(CacheSamples.Entry(environment, CacheSamples.Key(), "a"));

        CacheExplanation explanation = Explain(temp.Cache, environment, CacheSamples.Key());

        Assert.True(explanation.Hit);
        Assert.Empty(Assert.Single(explanation.SameEnvironment).Differences);
    }

    [Fact]
    public void OtherDeviceIsExplainedByItsDifferingFields()
    {
        using var temp = new TempCache();
        temp.Cache.Store(CacheSamples.Entry(CacheSamples.Environment(), CacheSamples.Key(), "a"));
        TuningEnvironment smaller = CacheSamples.Environment(CacheSamples.Device(multiprocessors: 114, driver: "12.8"));

        CacheExplanation explanation = Explain(temp.Cache, smaller, CacheSamples.Key());

        Assert.False(explanation.Hit);
        Assert.Empty(explanation.SameEnvironment);
        Assert.Equal(
            [new KeyDifference("SM count", "114", "132"), new KeyDifference("driver version", "12.8", "13.0")],
            Assert.Single(explanation.OtherEnvironments).Differences);
    }

    [Fact]
    public void SameEnvironmentMissIsExplainedByDescriptionCandidatesAndBucket()
    {
        using var temp = new TempCache();
        TuningEnvironment environment = CacheSamples.Environment();
        temp.Cache.Store(CacheSamples.Entry(environment, CacheSamples.Key(), "a"));
        TuningKey wanted = TuningKey.For(CacheSamples.Description(negatives: 128), [CacheSamples.Candidates[0]], 20_000, 131_072);

        CacheExplanation explanation = Explain(temp.Cache, environment, wanted);

        Assert.False(explanation.Hit);
        Assert.Equal(
            [
                new KeyDifference("description", "k=128", "k=64"),
                new KeyDifference("candidate set", "w4r8f1", "w4r8f1,w8r16f2,w8r32f4"),
                new KeyDifference("bucket", "N=32768 V=131072", "N=8192 V=131072"),
            ],
            Assert.Single(explanation.SameEnvironment).Differences);
    }

    [Fact]
    public void UnknownCandidatesMatchAnySet()
    {
        using var temp = new TempCache();
        TuningEnvironment environment = CacheSamples.Environment();
        temp.Cache.Store(CacheSamples.Entry(environment, CacheSamples.Key(), "a"));

        Assert.True(temp.Cache.Explain(environment, CacheSamples.Description().CanonicalText, null, 8192, 131_072).Hit);
    }

    [Fact]
    public void UnusableFilesOfTheEnvironmentAreListed()
    {
        using var temp = new TempCache();
        TuningEnvironment environment = CacheSamples.Environment();
        string path = temp.Cache.Store(CacheSamples.Entry(environment, CacheSamples.Key(), "a"));
        File.WriteAllText(path, "{}");

        CacheExplanation explanation = Explain(temp.Cache, environment, CacheSamples.Key());

        Assert.False(explanation.Hit);
        Assert.Equal("no schema version", Assert.Single(explanation.Unusable).Problem);
    }

    [Fact]
    public void ShowFindsEntriesByIdOrPrefix()
    {
        using var temp = new TempCache();
        TuningEnvironment environment = CacheSamples.Environment();
        TuningKey key = CacheSamples.Key();
        temp.Cache.Store(CacheSamples.Entry(environment, key, "a"));
        temp.Cache.Store(CacheSamples.Entry(environment, CacheSamples.Key(rows: 3), "b"));

        Assert.Equal(key, Assert.Single(temp.Cache.Show(key.Id)).Entry!.Key);
        Assert.Equal(key, Assert.Single(temp.Cache.Show($"{environment.DirectoryName}/{key.FileName}")).Entry!.Key);
        Assert.Equal(2, temp.Cache.Show($"{key.Family.ToLowerInvariant()}-{key.DescriptionHash}").Count);
        Assert.Empty(temp.Cache.Show("nothing-like-it"));
    }

    private static CacheExplanation Explain(TuningCache cache, TuningEnvironment environment, TuningKey key) =>
        cache.Explain(environment, key.Description, key.Candidates, key.Bucket.Rows, key.Bucket.Catalog);
}
