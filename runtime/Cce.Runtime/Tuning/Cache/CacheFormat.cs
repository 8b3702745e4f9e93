namespace Cce.Tuning.Cache;

/// <summary>
/// The constants of the cache's on-disk format, written once here: the store writes them, readers compare against
/// them, and nothing reads them back from a file to decide what the format is.
/// </summary>
public static class CacheFormat
{
    /// <summary>Environment variable naming the cache directory, overriding the per-user default.</summary>
    public const string DirectoryVariable = "CCE_CACHE_DIR";

    /// <summary>
    /// Version of the file layout; raising it makes every older entry a miss. 2: keys carry the kernel family and the
    /// description's canonical text.
    /// </summary>
    public const int SchemaVersion = 2;

    /// <summary>Extension of entry files.</summary>
    public const string EntryExtension = ".json";
}
