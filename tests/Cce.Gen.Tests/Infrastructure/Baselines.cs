using System.Text;
using Xunit;

namespace Cce.Gen.Tests.Infrastructure;

/// <summary>
/// Checked-in generated files, compared byte for byte. With <c>CCE_UPDATE_BASELINES=1</c> the comparison
/// rewrites them instead, so a deliberate change to the emitter is one test run plus a reviewable diff.
/// </summary>
internal static class Baselines
{
    private static readonly bool Update = Environment.GetEnvironmentVariable("CCE_UPDATE_BASELINES") == "1";

    private static string Folder => Path.Combine(Repository.Root, "tests", "Cce.Gen.Tests", "Baselines");

    /// <summary>Compares (or, when asked, rewrites) the files of one test: hint name to generated text.</summary>
    public static void Match(string testName, IReadOnlyDictionary<string, string> generated)
    {
        string folder = Path.Combine(Folder, testName);
        if (Update)
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }

            Directory.CreateDirectory(folder);
            foreach ((string hintName, string text) in generated)
            {
                File.WriteAllBytes(Path.Combine(folder, hintName), Encoding.UTF8.GetBytes(text));
            }

            return;
        }

        Assert.True(Directory.Exists(folder), "No baselines for " + testName + "; run the tests with CCE_UPDATE_BASELINES=1 to create them.");
        string[] expectedNames = Directory.GetFiles(folder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(expectedNames, generated.Keys.Order(StringComparer.Ordinal).ToArray());
        foreach ((string hintName, string text) in generated)
        {
            byte[] expected = File.ReadAllBytes(Path.Combine(folder, hintName));
            byte[] actual = Encoding.UTF8.GetBytes(text);
            if (!expected.AsSpan().SequenceEqual(actual))
            {
                // Assert.Equal on the text shows where they first differ.
                Assert.Equal(Encoding.UTF8.GetString(expected), text);
                Assert.Fail(hintName + " differs from its baseline in encoding only.");
            }
        }
    }
}
