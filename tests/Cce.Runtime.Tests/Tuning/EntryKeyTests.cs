using System.Reflection;
using Cce.CacheStress;
using Cce.Tuning.Cache;
using Xunit;

namespace Cce.Runtime.Tests.Tuning;

/// <summary>Shape buckets and entry keys: deterministic, and sensitive to everything they stand for.</summary>
public sealed class EntryKeyTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(1, 1)]
    [InlineData(1000, 1000)]
    [InlineData(4095, 4095)]
    [InlineData(4096, 4096)]
    [InlineData(4097, 8192)]
    [InlineData(8192, 8192)]
    [InlineData(8193, 16384)]
    [InlineData(100_000, 131_072)]
    [InlineData(1L << 40, 1L << 40)]
    public void SizesAreExactUpTo4096AndPowersOfTwoAbove(long size, long bucket)
    {
        Assert.Equal(bucket, ShapeBucket.Round(size));
        Assert.Equal(new ShapeBucket(bucket, bucket), ShapeBucket.For(size, size));
    }

    [Fact]
    public void NegativeSizesAreRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => ShapeBucket.For(-1, 10));

    [Fact]
    public void ShapesOfOneBucketShareAKey()
    {
        Assert.Equal(CacheSamples.Key(rows: 5000, catalog: 100_000), CacheSamples.Key(rows: 8192, catalog: 131_072));
        Assert.Equal(CacheSamples.Key(rows: 5000).Id, CacheSamples.Key(rows: 8000).Id);
        Assert.NotEqual(CacheSamples.Key(rows: 4095).Id, CacheSamples.Key(rows: 4096).Id);
    }

    [Fact]
    public void EveryDescriptionFieldChangesTheDescriptionHash()
    {
        LossDescription baseline = CacheSamples.Description();
        ConstructorInfo constructor = Assert.Single(typeof(LossDescription).GetConstructors(), c => c.GetParameters().All(p => p.ParameterType != typeof(LossDescription)));
        ParameterInfo[] parameters = constructor.GetParameters();
        object[] values = [.. parameters.Select(p => typeof(LossDescription).GetProperty(p.Name!)!.GetValue(baseline)!)];
        Assert.Same(baseline.GetType(), constructor.Invoke(values).GetType());
        var hashes = new HashSet<string> { TuningKey.For(baseline, CacheSamples.Candidates, 1, 1).DescriptionHash };
        for (int i = 0; i < parameters.Length; i++)
        {
            object[] changed = [.. values];
            changed[i] = Different(values[i]);
            var description = (LossDescription)constructor.Invoke(changed);
            Assert.True(hashes.Add(TuningKey.For(description, CacheSamples.Candidates, 1, 1).DescriptionHash), parameters[i].Name);
        }
    }

    [Fact]
    public void CandidateOrderIsPartOfTheKey()
    {
        TuningKey offered = TuningKey.For(CacheSamples.Description(), CacheSamples.Candidates, 1, 1);
        TuningKey reversed = TuningKey.For(CacheSamples.Description(), [.. CacheSamples.Candidates.Reverse()], 1, 1);

        Assert.NotEqual(offered.CandidatesHash, reversed.CandidatesHash);
        Assert.NotEqual(offered, reversed);
    }

    [Fact]
    public void KeysAreTheSameInEveryProcessAndRun()
    {
        // SHA-256 of fixed text: a randomised or platform-dependent hash would change these.
        Assert.Equal("f6cf1444edfc6857", CacheHash.Short("UniformPerRow K=64"));
        Assert.Equal(CacheHash.Short(CacheSamples.Description().CanonicalText), CacheSamples.Key().DescriptionHash);
        Assert.Equal($"perrow-{CacheSamples.Key().DescriptionHash}-{CacheSamples.Key().CandidatesHash}-n8192-v131072", CacheSamples.Key().Id);

        string[] child = StressProcesses.Output("key");
        Assert.Equal([CacheSamples.Key().Id, CacheSamples.Environment().DirectoryName], child);
    }

    [Fact]
    public void KeyEqualityComparesCandidatesByValue()
    {
        TuningKey key = CacheSamples.Key();
        TuningKey copy = TuningKey.For(CacheSamples.Description().CanonicalText, [.. CacheSamples.Candidates.Select(c => c with { })], 8192, 131_072);

        Assert.Equal(key, copy);
        Assert.Equal(key.GetHashCode(), copy.GetHashCode());
    }

    private static object Different(object value) => value switch
    {
        int number => number + 1,
        bool flag => !flag,
        float threshold => threshold + 0.25f,
        Enum e => Enum.GetValues(e.GetType()).Cast<object>().First(v => !v.Equals(e)),
        _ => throw new InvalidOperationException($"No variant for a {value.GetType().Name}; extend the test."),
    };
}
