using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Cce.Gen.Tests.Infrastructure;

/// <summary>Compilations of test inputs against the .NET 10 reference assemblies, Cce.Runtime and ILGPU, all from local files.</summary>
internal static class TestCompilation
{
    /// <summary>Parse options of every test input: the newest language version, as user projects get.</summary>
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    /// <summary>Compilation options of every test input: a library with nullable annotations on, like the project templates.</summary>
    public static readonly CSharpCompilationOptions Options = new(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable);

    /// <summary>The .NET 10 reference assemblies, Cce.Runtime and ILGPU with its algorithms library.</summary>
    public static readonly ImmutableArray<MetadataReference> References =
    [
        .. Net100.References.All,
        MetadataReference.CreateFromFile(typeof(CatalogLossAttribute).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(ILGPU.Context).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(ILGPU.Algorithms.XMath).Assembly.Location),
    ];

    /// <summary>A compilation of the given sources with <see cref="Options"/>.</summary>
    public static CSharpCompilation Create(params string[] sources) =>
        CSharpCompilation.Create(
            "TestInput",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: "Input" + i + ".cs")),
            References,
            Options);
}
