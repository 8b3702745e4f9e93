using Microsoft.CodeAnalysis;
using Xunit;

namespace Cce.Gen.Tests.Infrastructure;

/// <summary>Assertions on what the generator reports for one input.</summary>
internal static class DiagnosticAssert
{
    /// <summary>
    /// The diagnostic <paramref name="id"/> is reported exactly once, on the span marked <c>[|…|]</c>, with a
    /// help link to its page; when it is an error, nothing is generated.
    /// </summary>
    public static Diagnostic Fires(string id, string markedSource)
    {
        (string source, Microsoft.CodeAnalysis.Text.TextSpan span) = Markup.Parse(markedSource);
        GeneratorRun run = GeneratorRun.Of(source);

        Diagnostic diagnostic = Assert.Single(run.Diagnostics, d => d.Id == id);
        Assert.Equal(span, diagnostic.Location.SourceSpan);
        Assert.Equal(run.Output.SyntaxTrees.First().FilePath, diagnostic.Location.GetLineSpan().Path);
        Assert.EndsWith("/docs/diagnostics/" + id + ".md", diagnostic.Descriptor.HelpLinkUri, StringComparison.Ordinal);
        if (diagnostic.Severity == DiagnosticSeverity.Error)
        {
            Assert.Empty(run.Result.GeneratedSources);
        }

        return diagnostic;
    }

    /// <summary>The generator reports nothing, generates code, and the result compiles.</summary>
    public static GeneratorRun Clean(string source)
    {
        GeneratorRun run = GeneratorRun.Of(source);
        Assert.Empty(run.Diagnostics);
        Assert.NotEmpty(run.Result.GeneratedSources);
        Assert.Empty(run.CompilerErrors);
        return run;
    }
}
