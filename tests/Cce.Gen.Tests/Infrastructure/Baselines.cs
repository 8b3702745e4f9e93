using System.Text;
using Xunit;

namespace Cce.Gen.Tests.Infrastructure;

/// <summary>
/// Checked-in generated files, one folder per test, named by hint name. With <c>CCE_UPDATE_BASELINES=1</c> the
/// snapshot tests rewrite them from the generator's output before comparing, so a deliberate change to the
/// emitter is one test run plus a reviewable diff.
/// </summary>
internal static class Baselines
{
    /// <summary>Whether this run rewrites the baselines instead of only comparing against them.</summary>
    public static readonly bool Update = Environment.GetEnvironmentVariable("CCE_UPDATE_BASELINES") == "1";

    private static string Folder => Path.Combine(Repository.Root, "tests", "Cce.Gen.Tests", "Baselines");

    /// <summary>Replaces the files of one test with the generated ones: hint name to text.</summary>
    public static void Write(string testName, IEnumerable<(string HintName, string Text)> generated)
    {
        string folder = Path.Combine(Folder, testName);
        if (Directory.Exists(folder))
        {
            Directory.Delete(folder, recursive: true);
        }

        Directory.CreateDirectory(folder);
        foreach ((string hintName, string text) in generated)
        {
            File.WriteAllBytes(Path.Combine(folder, hintName), Encoding.UTF8.GetBytes(text));
        }
    }

    /// <summary>The files of one test: hint name to text, in ordinal order of hint names.</summary>
    public static IEnumerable<(string HintName, string Text)> Read(string testName)
    {
        string folder = Path.Combine(Folder, testName);
        Assert.True(Directory.Exists(folder), "No baselines for " + testName + "; run the tests with CCE_UPDATE_BASELINES=1 to create them.");

        // Decoded without stripping a byte order mark, so a stray one fails the text comparison: the check stays byte for byte.
        return Directory.GetFiles(folder)
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetFileName(path), Encoding.UTF8.GetString(File.ReadAllBytes(path))))
            .ToArray();
    }
}
