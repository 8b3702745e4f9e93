using System.Reflection;
using Cce.Gen.SourceGenerators.Diagnostics;
using Cce.Gen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Cce.Gen.Tests;

/// <summary>Every diagnostic links to a page that exists and is listed in the index.</summary>
public sealed class DocumentationTests
{
    public static TheoryData<string> Ids() => [.. typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => ((DiagnosticDescriptor)f.GetValue(null)!).Id)];

    [Theory]
    [MemberData(nameof(Ids))]
    public void EveryDiagnostic_HasAPageAndAnIndexEntry(string id)
    {
        string folder = Path.Combine(Repository.Root, "docs", "diagnostics");
        DiagnosticDescriptor descriptor = DiagnosticDescriptors.ById(id);

        Assert.StartsWith("# " + id + ": " + descriptor.Title, File.ReadAllText(Path.Combine(folder, id + ".md")), StringComparison.Ordinal);
        Assert.Contains("[" + id + "](" + id + ".md)", File.ReadAllText(Path.Combine(folder, "README.md")), StringComparison.Ordinal);
        Assert.Equal(BuildProperty("RepositoryUrl") + "/blob/main/docs/diagnostics/" + id + ".md", descriptor.HelpLinkUri);
    }

    [Fact]
    public void TheGeneratorsOwnFacts_AreTheRepositorysBuildProperties()
    {
        Assert.Equal(SourceGenerators.ThisAssembly.Version, BuildProperty("Version"));
        Assert.Equal(SourceGenerators.ThisAssembly.RepositoryUrl, BuildProperty("RepositoryUrl"));
    }

    /// <summary>A property of the repository's Directory.Build.props, as MSBuild reads it.</summary>
    private static string BuildProperty(string name) =>
        System.Xml.Linq.XDocument.Load(Path.Combine(Repository.Root, "Directory.Build.props")).Descendants(name).Single().Value;
}
