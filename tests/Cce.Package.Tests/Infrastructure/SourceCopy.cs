namespace Cce.Package.Tests.Infrastructure;

/// <summary>
/// The sources the packages are built from, copied out of the repository: packing there never touches the bin/ and obj/
/// folders that the running <c>dotnet test Cce.Gen.sln</c> builds into.
/// </summary>
internal static class SourceCopy
{
    private static readonly string[] Folders = ["runtime", "generator"];

    private static readonly string[] Files = ["Directory.Build.props", "Directory.Packages.props", "global.json", "nuget.config", "README.md", "LICENSE", ".editorconfig"];

    private static readonly HashSet<string> BuildOutputs = new(StringComparer.OrdinalIgnoreCase) { "bin", "obj" };

    /// <summary>Copies what packing Cce.Gen and the tool needs from <paramref name="repository"/> into <paramref name="target"/>.</summary>
    public static void Make(string repository, string target)
    {
        foreach (string file in Files)
        {
            File.Copy(Path.Combine(repository, file), Path.Combine(target, file));
        }

        foreach (string folder in Folders)
        {
            CopyFolder(new DirectoryInfo(Path.Combine(repository, folder)), Path.Combine(target, folder));
        }
    }

    private static void CopyFolder(DirectoryInfo source, string target)
    {
        Directory.CreateDirectory(target);
        foreach (FileInfo file in source.EnumerateFiles())
        {
            file.CopyTo(Path.Combine(target, file.Name));
        }

        foreach (DirectoryInfo folder in source.EnumerateDirectories().Where(d => !BuildOutputs.Contains(d.Name)))
        {
            CopyFolder(folder, Path.Combine(target, folder.Name));
        }
    }
}
