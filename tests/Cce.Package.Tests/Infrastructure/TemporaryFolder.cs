namespace Cce.Package.Tests.Infrastructure;

/// <summary>A fresh folder under the system's temporary folder, outside the repository (no Directory.Build.props above it), removed on dispose.</summary>
internal sealed class TemporaryFolder : IDisposable
{
    public TemporaryFolder(string prefix)
    {
        Path = Directory.CreateTempSubdirectory(prefix).FullName;
    }

    /// <summary>The folder's full path.</summary>
    public string Path { get; }

    public void Dispose() => TryDelete(Path);

    /// <summary>Deletes a folder if it is there; a file still held by a process that outlived its build must not fail the test.</summary>
    public static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
