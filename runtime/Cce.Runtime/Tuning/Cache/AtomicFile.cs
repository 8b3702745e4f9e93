namespace Cce.Tuning.Cache;

/// <summary>
/// Whole-file writes that readers in other processes see either entirely or not at all, and reads that
/// never block such a write.
/// </summary>
internal static class AtomicFile
{
    /// <summary>Suffix of files being written; readers skip them.</summary>
    public const string TempExtension = ".tmp";

    private const int MoveAttempts = 10;

    /// <summary>
    /// Writes <paramref name="bytes"/> to a unique temp file next to <paramref name="path"/>, flushes it to
    /// disk, then renames it over <paramref name="path"/>. A crash leaves the old file or the new one, and
    /// concurrent writers each replace the whole file, so the last rename wins and nothing is mixed.
    /// </summary>
    public static void Write(string path, ReadOnlySpan<byte> bytes)
    {
        string directory = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(directory);
        string temp = Path.Combine(directory, $"{Path.GetFileName(path)}.{Environment.ProcessId}.{Guid.NewGuid():N}{TempExtension}");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);

                // Without this the rename can reach the disk before the data, and a power loss leaves an empty file.
                stream.Flush(flushToDisk: true);
            }

            MoveOver(temp, path);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    /// <summary>Reads a whole file, letting writers rename over it meanwhile.</summary>
    public static byte[] Read(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>
    /// Windows refuses to replace a file that another process (a reader, a virus scanner) holds open
    /// for a moment; POSIX renames never fail that way, so retrying costs nothing there.
    /// </summary>
    private static void MoveOver(string source, string destination)
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                File.Move(source, destination, overwrite: true);
                return;
            }
            catch (Exception e) when (attempt < MoveAttempts && e is IOException or UnauthorizedAccessException)
            {
                Thread.Sleep(10 * attempt);
            }
        }
    }
}
