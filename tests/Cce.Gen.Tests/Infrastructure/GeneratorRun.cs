using System.Collections.Immutable;
using Cce.Gen.SourceGenerators;
using Cce.Gen.SourceGenerators.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Cce.Gen.Tests.Infrastructure;

/// <summary>One run of the loss generator over a compilation: what it generated and reported, and the completed compilation.</summary>
internal sealed class GeneratorRun
{
    private GeneratorRun(GeneratorRunResult result, Compilation output)
    {
        Result = result;
        Output = output;
    }

    /// <summary>The generator's own result: sources, diagnostics and tracked steps.</summary>
    public GeneratorRunResult Result { get; }

    /// <summary>The input compilation with the generated sources added.</summary>
    public Compilation Output { get; }

    /// <summary>Diagnostics the generator reported.</summary>
    public ImmutableArray<Diagnostic> Diagnostics => Result.Diagnostics;

    /// <summary>The models the generator emitted code for, read from its tracked <c>Models</c> step.</summary>
    public IEnumerable<LossModel> Models =>
        Result.TrackedSteps.TryGetValue("Models", out ImmutableArray<IncrementalGeneratorRunStep> steps)
            ? steps.SelectMany(s => s.Outputs).Select(o => (LossModel)o.Value)
            : [];

    /// <summary>Compiler errors of the completed compilation.</summary>
    public IEnumerable<Diagnostic> CompilerErrors => Output.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>Runs the generator once over the given sources.</summary>
    public static GeneratorRun Of(params string[] sources) => Of(TestCompilation.Create(sources));

    /// <summary>Runs the generator once over a compilation.</summary>
    public static GeneratorRun Of(Compilation compilation)
    {
        GeneratorDriver driver = CreateDriver(trackSteps: true)
            .RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
        return new GeneratorRun(driver.GetRunResult().Results.Single(), output);
    }

    /// <summary>A driver for the loss generator, optionally tracking every named step for incrementality checks.</summary>
    public static GeneratorDriver CreateDriver(bool trackSteps) =>
        CSharpGeneratorDriver.Create(
            [new LossGenerator().AsSourceGenerator()],
            parseOptions: TestCompilation.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));
}
