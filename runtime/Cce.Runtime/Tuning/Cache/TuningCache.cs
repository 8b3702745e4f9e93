using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Cce.Tuning.Cache;

/// <summary>
/// The per-user store of tuning results: one directory per <see cref="TuningEnvironment"/>, one JSON file
/// per <see cref="TuningKey"/>. Safe to share between concurrent processes: every write replaces a whole
/// file atomically, and every unusable file reads as a miss.
/// </summary>
public sealed partial class TuningCache
{
    private readonly Action<string> log;

    /// <summary>A cache in <paramref name="root"/>, by default <see cref="DefaultRoot"/>.</summary>
    /// <param name="root">The cache directory; created on the first store.</param>
    /// <param name="log">Receives warnings about unusable files; by default they go to standard error.</param>
    public TuningCache(string? root = null, Action<string>? log = null)
    {
        Root = Path.GetFullPath(root ?? DefaultRoot());
        this.log = log ?? Console.Error.WriteLine;
    }

    /// <summary>The cache directory.</summary>
    public string Root { get; }

    /// <summary>
    /// <c>CCE_CACHE_DIR</c> when set; else <c>cce-gen</c> in the per-user cache folder (<c>XDG_CACHE_HOME</c> or
    /// <c>~/.cache</c> on Linux and macOS, LocalApplicationData on Windows).
    /// </summary>
    public static string DefaultRoot() => CacheLocation.Resolve();

    /// <summary>Where the entry of <paramref name="key"/> in <paramref name="environment"/> lives.</summary>
    public string PathOf(TuningEnvironment environment, TuningKey key)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(key);
        return Path.Combine(Root, environment.DirectoryName, key.FileName);
    }

    /// <summary>
    /// Looks up <paramref name="key"/> in <paramref name="environment"/>. A missing file is a miss; so is an
    /// unreadable, truncated, wrong-schema, wrong-checksum or mismatching one, which is also set aside and
    /// warned about once.
    /// </summary>
    public bool TryGet(TuningEnvironment environment, TuningKey key, [NotNullWhen(true)] out TuningEntry? entry)
    {
        string path = PathOf(environment, key);
        entry = null;
        byte[] bytes;
        try
        {
            bytes = AtomicFile.Read(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            UnusableFiles.SetAside(path, $"unreadable: {e.Message}", log);
            return false;
        }

        if (!TuningEntryCodec.TryDecode(bytes, out TuningEntry? found, out string? problem))
        {
            UnusableFiles.SetAside(path, problem, log);
            return false;
        }

        if (found.Environment != environment || found.Key != key)
        {
            // A hash collision or a file copied by hand: its timings answer another question.
            UnusableFiles.SetAside(path, "holds another key", log);
            return false;
        }

        entry = found;
        return true;
    }

    /// <summary>
    /// Stores <paramref name="entry"/> under its own environment and key, replacing any earlier one whole.
    /// Concurrent stores of the same key leave exactly one of them.
    /// </summary>
    /// <returns>The path of the entry file.</returns>
    public string Store(TuningEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        string path = PathOf(entry.Environment, entry.Key);
        AtomicFile.Write(path, TuningEntryCodec.Encode(entry));
        return path;
    }

    /// <summary>Every entry file of every environment, valid or not, ordered by name. Changes nothing.</summary>
    public IReadOnlyList<CacheFile> List()
    {
        var files = new List<CacheFile>();
        foreach (string directory in EnvironmentDirectories())
        {
            foreach (string path in Directory.EnumerateFiles(directory, "*" + CacheFormat.EntryExtension))
            {
                if (Path.GetExtension(path) == CacheFormat.EntryExtension)
                {
                    files.Add(Read(path));
                }
            }
        }

        files.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        return files;
    }

    /// <summary>
    /// The files named by <paramref name="key"/>: an entry id (<see cref="TuningKey.Id"/>), <c>DIRECTORY/ID</c>,
    /// or a prefix of either. Exact names win over prefixes; an id may name entries of several environments.
    /// </summary>
    public IReadOnlyList<CacheFile> Show(string key)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        string name = key.Trim().Replace('\\', '/');
        if (name.EndsWith(CacheFormat.EntryExtension, StringComparison.Ordinal))
        {
            name = name[..^CacheFormat.EntryExtension.Length];
        }

        IReadOnlyList<CacheFile> files = List();
        List<CacheFile> exact = [.. files.Where(f => f.Name == name || f.Id == name)];
        return exact.Count > 0 ? exact : [.. files.Where(f => f.Name.StartsWith(name, StringComparison.Ordinal) || f.Id.StartsWith(name, StringComparison.Ordinal))];
    }

    /// <summary>
    /// Why <paramref name="description"/> over <paramref name="candidates"/> at <paramref name="rows"/> × <paramref name="catalog"/>
    /// hits or misses in <paramref name="environment"/>: the nearest entries of this and of other environments,
    /// with the key fields that differ. Null <paramref name="candidates"/> matches any candidate set.
    /// </summary>
    public CacheExplanation Explain(TuningEnvironment environment, string description, IReadOnlyList<KernelTile>? candidates, long rows, long catalog)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentException.ThrowIfNullOrWhiteSpace(description);
        return CacheExplainer.Explain(List(), environment, description, candidates, ShapeBucket.For(rows, catalog));
    }

    /// <summary>Writes every valid entry, checksums included, to one bundle file.</summary>
    /// <returns>The number of entries written.</returns>
    public int Export(string file)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        var entries = new List<JsonElement>();
        foreach (CacheFile cached in List().Where(f => f.Entry is not null))
        {
            try
            {
                using JsonDocument document = JsonDocument.Parse(AtomicFile.Read(cached.Path));
                entries.Add(document.RootElement.Clone());
            }
            catch (FileNotFoundException)
            {
                // Pruned or cleared by another process since it was listed.
            }
        }

        var bundle = new CacheBundle(CacheFormat.SchemaVersion, DateTime.UtcNow, entries);
        AtomicFile.Write(file, CacheJsonContext.Indented(bundle, CacheJsonContext.Default.CacheBundle));
        return entries.Count;
    }

    /// <summary>
    /// Stores every entry of a bundle written by <see cref="Export"/> whose checksum, schema and key hold,
    /// replacing entries of the same key; refuses the others.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not a cache bundle.</exception>
    public ImportResult Import(string file)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(file);
        CacheBundle bundle;
        try
        {
            bundle = JsonSerializer.Deserialize(AtomicFile.Read(file), CacheJsonContext.Default.CacheBundle)
                ?? throw new JsonException("null bundle");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{file} is not a tuning cache bundle: {e.Message}", e);
        }

        int imported = 0;
        var rejected = new List<string>();
        for (int i = 0; i < bundle.Entries.Count; i++)
        {
            if (TuningEntryCodec.TryDecode(Encoding.UTF8.GetBytes(bundle.Entries[i].GetRawText()), out TuningEntry? entry, out string? problem))
            {
                Store(entry);
                imported++;
            }
            else
            {
                rejected.Add($"entry {i}: {problem}");
            }
        }

        return new ImportResult(imported, rejected);
    }

    /// <summary>
    /// Deletes entries created more than <paramref name="olderThan"/> ago (with leftover temp and set-aside
    /// files of that age), and entries timed on another device than <paramref name="currentDevice"/>.
    /// A null criterion is not applied.
    /// </summary>
    /// <returns>The number of files deleted.</returns>
    public int Prune(TimeSpan? olderThan, DeviceFingerprint? currentDevice)
    {
        DateTime? cutoff = olderThan is TimeSpan age ? DateTime.UtcNow - age : null;
        int deleted = 0;
        foreach (CacheFile file in List())
        {
            DateTime created = file.Entry?.CreatedUtc ?? File.GetLastWriteTimeUtc(file.Path);
            bool old = created < cutoff;
            bool foreign = currentDevice is not null && file.Entry is not null && file.Entry.Environment.Device != currentDevice;
            if (old || foreign)
            {
                deleted += Delete(file.Path);
            }
        }

        if (cutoff is DateTime limit)
        {
            foreach (string leftover in EnvironmentDirectories().SelectMany(Leftovers))
            {
                if (File.GetLastWriteTimeUtc(leftover) < limit)
                {
                    deleted += Delete(leftover);
                }
            }
        }

        RemoveEmptyDirectories();
        return deleted;
    }

    /// <summary>Deletes every entry, temp and set-aside file, and the emptied environment directories.</summary>
    /// <returns>The number of entry files deleted.</returns>
    public int Clear()
    {
        int deleted = 0;
        foreach (string directory in EnvironmentDirectories())
        {
            foreach (string path in Directory.EnumerateFiles(directory, "*" + CacheFormat.EntryExtension))
            {
                deleted += Delete(path);
            }

            foreach (string leftover in Leftovers(directory))
            {
                Delete(leftover);
            }
        }

        RemoveEmptyDirectories();
        return deleted;
    }

    private CacheFile Read(string path)
    {
        string directory = Path.GetFileName(Path.GetDirectoryName(path))!;
        string id = Path.GetFileNameWithoutExtension(path);
        try
        {
            if (!TuningEntryCodec.TryDecode(AtomicFile.Read(path), out TuningEntry? entry, out string? problem))
            {
                return new CacheFile(path, directory, id, null, problem);
            }

            return entry.Key.Id == id && entry.Environment.DirectoryName == directory
                ? new CacheFile(path, directory, id, entry, null)
                : new CacheFile(path, directory, id, null, "holds another key");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new CacheFile(path, directory, id, null, $"unreadable: {e.Message}");
        }
    }

    /// <summary>
    /// Only directories named like an environment, so a cache pointed at a shared folder never touches
    /// anything it did not write.
    /// </summary>
    private IEnumerable<string> EnvironmentDirectories() =>
        Directory.Exists(Root)
            ? Directory.EnumerateDirectories(Root).Where(d => EnvironmentDirectoryName().IsMatch(Path.GetFileName(d))).Order(StringComparer.Ordinal)
            : [];

    private static IEnumerable<string> Leftovers(string directory) =>
        Directory.EnumerateFiles(directory).Where(p =>
            p.EndsWith(AtomicFile.TempExtension, StringComparison.Ordinal)
            || Path.GetFileName(p).Contains(CacheFormat.EntryExtension + UnusableFiles.Marker, StringComparison.Ordinal));

    private void RemoveEmptyDirectories()
    {
        foreach (string directory in EnvironmentDirectories())
        {
            try
            {
                if (!Directory.EnumerateFileSystemEntries(directory).Any())
                {
                    Directory.Delete(directory);
                }
            }
            catch (IOException)
            {
                // Another process stored into it meanwhile.
            }
        }
    }

    private static int Delete(string path)
    {
        try
        {
            File.Delete(path);
            return 1;
        }
        catch (DirectoryNotFoundException)
        {
            return 0;
        }
    }

    [GeneratedRegex("-[0-9a-f]{16}$", RegexOptions.CultureInvariant)]
    private static partial Regex EnvironmentDirectoryName();
}
