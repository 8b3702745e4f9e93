namespace Cce.Tuning.Cache;

/// <summary>One entry file of the cache as found on disk.</summary>
/// <param name="Path">Full path of the file.</param>
/// <param name="EnvironmentDirectory">Name of its environment directory.</param>
/// <param name="Id">File name without extension: the entry's <see cref="TuningKey.Id"/> when valid.</param>
/// <param name="Entry">The entry; null when the file is unusable.</param>
/// <param name="Problem">Why the file is unusable; null when valid.</param>
public sealed record CacheFile(string Path, string EnvironmentDirectory, string Id, TuningEntry? Entry, string? Problem)
{
    /// <summary>The name other commands accept for this file: <c>DIRECTORY/ID</c>.</summary>
    public string Name => $"{EnvironmentDirectory}/{Id}";
}
