using Cce.Tuning.Cache;

namespace Cce.CacheStress;

/// <summary>Environments, keys and entries shared by the cache tests and their child processes.</summary>
public static class CacheSamples
{
    /// <summary>Tile candidates in the order a generator might offer them.</summary>
    public static IReadOnlyList<PerRowTile> Candidates { get; } =
    [
        new PerRowTile(4, 8, 1),
        new PerRowTile(8, 16, 2),
        new PerRowTile(8, 32, 4),
    ];

    /// <summary>An H100-like fingerprint; each argument overrides one field.</summary>
    public static DeviceFingerprint Device(string name = "NVIDIA H100 80GB HBM3", int multiprocessors = 132, string driver = "13.0") =>
        new(DeviceKind.Cuda, name, "9.0", "8.8", multiprocessors, 85_031_714_816, 52_428_800, 233_472, 32, driver);

    /// <summary>The environment of this process on <paramref name="device"/>, by default <see cref="Device"/>.</summary>
    public static TuningEnvironment Environment(DeviceFingerprint? device = null) =>
        TuningEnvironment.For(device ?? Device(), TimingPolicyId.Current);

    /// <summary>A uniform-negatives loss with <paramref name="negatives"/> negatives per row.</summary>
    public static LossDescription Description(int negatives = 64) =>
        new(NegativeScheme.UniformPerRow, negatives, 256, ElementType.BFloat16, LogQCorrection.LogQ, LossReduction.Mean, -100, GradientPrecision.Float32);

    /// <summary>The key of <see cref="Description"/> over <see cref="Candidates"/> at <paramref name="rows"/> × <paramref name="catalog"/>.</summary>
    public static TuningKey Key(long rows = 8192, long catalog = 131_072, int negatives = 64) =>
        TuningKey.For(Description(negatives), Candidates, rows, catalog);

    /// <summary>
    /// An entry whose every result carries <paramref name="tag"/>, padded so the file spans several disk
    /// pages: a torn or mixed write would show as results with different tags or a bad checksum.
    /// </summary>
    public static TuningEntry Entry(TuningEnvironment environment, TuningKey key, string tag, DateTime? createdUtc = null, int padding = 0)
    {
        string reason = tag + new string('.', padding);
        CandidateResult[] results =
        [
            CandidateResult.Ok(key.Candidates[0], 1.5, 1.4, 1.7),
            CandidateResult.Failed(key.Candidates[1], reason),
            .. key.Candidates.Skip(2).Select(c => CandidateResult.Failed(c, reason)),
        ];
        return new TuningEntry(environment, key, results, key.Candidates[0], false, createdUtc ?? DateTime.UtcNow);
    }

    /// <summary>The tag every failed result of <paramref name="entry"/> carries, or null if they disagree.</summary>
    public static string? TagOf(TuningEntry entry)
    {
        string[] reasons = [.. entry.Results.Where(r => r.Status == CandidateStatus.Failed).Select(r => r.Reason!.TrimEnd('.')).Distinct()];
        return reasons.Length == 1 ? reasons[0] : null;
    }
}
