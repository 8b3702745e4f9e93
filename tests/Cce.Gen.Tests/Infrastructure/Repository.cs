namespace Cce.Gen.Tests.Infrastructure;

/// <summary>The source tree the tests run from: baselines and documentation are read there, not from the build output.</summary>
internal static class Repository
{
    private static readonly Lazy<string> RootPath = new(() =>
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Cce.Gen.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Cce.Gen.sln not found above " + AppContext.BaseDirectory + ".");
    });

    /// <summary>The folder holding Cce.Gen.sln.</summary>
    public static string Root => RootPath.Value;
}
