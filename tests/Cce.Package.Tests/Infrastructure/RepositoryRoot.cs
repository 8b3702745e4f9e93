namespace Cce.Package.Tests.Infrastructure;

/// <summary>The source tree this test assembly was built from: the packages are packed from a copy of it.</summary>
internal static class RepositoryRoot
{
    /// <summary>The folder holding Cce.Gen.sln, found by walking up from the test assembly's folder.</summary>
    public static string Find()
    {
        for (DirectoryInfo? folder = new(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Cce.Gen.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("Cce.Gen.sln not found in any folder above " + AppContext.BaseDirectory + ".");
    }
}
