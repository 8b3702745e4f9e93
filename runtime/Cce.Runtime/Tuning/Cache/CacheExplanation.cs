namespace Cce.Tuning.Cache;

/// <summary>Why a lookup hits or misses: the nearest entries and how their keys differ.</summary>
/// <param name="Hit">Whether a valid entry of the same environment matches every key field looked up.</param>
/// <param name="EnvironmentDirectory">The directory the lookup reads.</param>
/// <param name="SameEnvironment">Nearest valid entries of the same environment, fewest differences first.</param>
/// <param name="OtherEnvironments">Nearest valid entries of other environments, fewest differences first.</param>
/// <param name="Unusable">Unusable files in the lookup's directory, which miss whatever they hold.</param>
public sealed record CacheExplanation(
    bool Hit,
    string EnvironmentDirectory,
    IReadOnlyList<CacheNeighbour> SameEnvironment,
    IReadOnlyList<CacheNeighbour> OtherEnvironments,
    IReadOnlyList<CacheFile> Unusable);
