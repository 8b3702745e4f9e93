using Cce.Gen.SourceGenerators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace Cce.Gen.Tests.Infrastructure;

/// <summary>
/// The testing library's generator test, set up like <see cref="TestCompilation"/>: it runs the loss generator,
/// compares every generated file with the expected text and compiles input plus output, failing on any error.
/// </summary>
internal sealed class LossGeneratorTest : CSharpSourceGeneratorTest<LossGenerator, DefaultVerifier>
{
    /// <summary>
    /// A reference set with no package behind it, so the library never resolves or downloads anything from a
    /// NuGet feed; every reference comes from <see cref="TestCompilation.References"/> instead.
    /// </summary>
    private static readonly ReferenceAssemblies NoPackages = new("net10.0");

    public LossGeneratorTest()
    {
        ReferenceAssemblies = NoPackages;
        TestState.AdditionalReferences.AddRange(TestCompilation.References);
    }

    protected override ParseOptions CreateParseOptions() => TestCompilation.ParseOptions;

    protected override CompilationOptions CreateCompilationOptions() => TestCompilation.Options;
}
