using System.Collections.Concurrent;
using System.Globalization;

namespace Cce.Tuning.Cache;

/// <summary>Sets unusable entry files aside, so the next lookup retunes, and warns about each file once.</summary>
internal static class UnusableFiles
{
    /// <summary>What follows an entry's file name once it is set aside.</summary>
    public const string Marker = ".corrupt-";

    // Per process rather than per cache: a file that cannot be moved (a read-only cache) would otherwise
    // warn on every lookup of every cache object.
    private static readonly ConcurrentDictionary<string, byte> Warned = new(StringComparer.Ordinal);

    /// <summary>Renames <paramref name="path"/> to <c>*.corrupt-TIMESTAMP</c> and reports it through <paramref name="log"/> once.</summary>
    public static void SetAside(string path, string problem, Action<string> log)
    {
        string identity = Identity(path);
        string target = $"{path}{Marker}{DateTime.UtcNow.ToString("yyyyMMdd'T'HHmmssfff'Z'", CultureInfo.InvariantCulture)}";
        string outcome;
        try
        {
            if (File.Exists(target))
            {
                target += $"-{Guid.NewGuid():N}";
            }

            File.Move(path, target, overwrite: false);
            outcome = $"moved aside to {Path.GetFileName(target)}";
        }
        catch (FileNotFoundException)
        {
            // Another process set it aside first, and warned.
            return;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            outcome = $"could not move it aside: {e.Message}";
        }

        if (Warned.TryAdd(identity, 0))
        {
            log($"cce: tuning cache entry {path} is unusable ({problem}); {outcome}; the shape will be retuned.");
        }
    }

    /// <summary>The path with its size and time: a rewritten file at the same path is a new file, worth a new warning.</summary>
    private static string Identity(string path)
    {
        var info = new FileInfo(path);
        return info.Exists ? string.Create(CultureInfo.InvariantCulture, $"{path}|{info.Length}|{info.LastWriteTimeUtc.Ticks}") : path;
    }
}
