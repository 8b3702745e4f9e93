using Cce.Tuning.Cache;

namespace Cce.Runtime.Tests.Tuning;

/// <summary>A cache in a fresh temp directory that is deleted afterwards, with the warnings it logged.</summary>
internal sealed class TempCache : IDisposable
{
    public TempCache()
    {
        Root = Path.Combine(Path.GetTempPath(), "cce-cache-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
        Cache = Open();
    }

    public string Root { get; }

    public TuningCache Cache { get; }

    public List<string> Warnings { get; } = [];

    /// <summary>Another cache object on the same directory, as a second process would have.</summary>
    public TuningCache Open() => new(Root, Warnings.Add);

    /// <summary>Files in the cache other than entries: temp files and set-aside ones.</summary>
    public string[] Leftovers() =>
        [.. Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories).Where(p => !p.EndsWith(CacheFormat.EntryExtension, StringComparison.Ordinal))];

    public void Dispose()
    {
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A child process still closing a file; the temp folder is cleaned by the system eventually.
        }
    }
}
