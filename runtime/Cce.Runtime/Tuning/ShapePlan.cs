using System.Text;

namespace Cce.Tuning;

/// <summary>
/// A plan file: the (loss, N, V) triples a program met, one <c>LOSS N V</c> line each, so its shapes can be
/// tuned ahead of time on another machine with the same GPU (<c>cce tune --plan FILE</c>). Blank lines and
/// lines starting with <c>#</c> are ignored.
/// </summary>
public static class ShapePlan
{
    private static readonly TimeSpan LockPatience = TimeSpan.FromSeconds(30);
    private static readonly object InProcess = new();

    /// <summary>
    /// Appends <paramref name="entry"/> unless the file already lists it. Safe for concurrent processes: the
    /// file is held exclusively while it is read and extended, so no line is lost or repeated.
    /// </summary>
    /// <exception cref="IOException">The file stayed locked by another process for 30 seconds, or could not be written.</exception>
    public static void Append(string path, ShapePlanEntry entry)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string line = entry.ToString();
        lock (InProcess)
        {
            using FileStream stream = OpenExclusive(path);
            string existing;
            using (var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, leaveOpen: true))
            {
                existing = reader.ReadToEnd();
            }

            if (existing.Split('\n').Any(l => l.Trim() == line))
            {
                return;
            }

            // A writer killed mid-line must not glue its fragment to this line.
            string text = (existing.Length > 0 && !existing.EndsWith('\n') ? "\n" : string.Empty) + line + "\n";
            stream.Seek(0, SeekOrigin.End);
            stream.Write(Encoding.UTF8.GetBytes(text));
            stream.Flush(flushToDisk: true);
        }
    }

    /// <summary>The distinct entries of a plan file, in file order.</summary>
    /// <exception cref="FormatException">A line is malformed; the message names its number.</exception>
    public static IReadOnlyList<ShapePlanEntry> Read(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var entries = new List<ShapePlanEntry>();
        string[] lines = File.ReadAllLines(path);
        for (int i = 0; i < lines.Length; i++)
        {
            string text = lines[i].Trim();
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }

            try
            {
                entries.Add(ShapePlanEntry.Parse(text));
            }
            catch (FormatException e)
            {
                throw new FormatException($"{path}:{i + 1}: {e.Message}", e);
            }
        }

        return [.. entries.Distinct()];
    }

    private static FileStream OpenExclusive(string path)
    {
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        DateTime deadline = DateTime.UtcNow + LockPatience;
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (DateTime.UtcNow < deadline && File.Exists(path))
            {
                // Another process holds the file; its append is short.
                Thread.Sleep(Random.Shared.Next(1, 10));
            }
        }
    }
}
