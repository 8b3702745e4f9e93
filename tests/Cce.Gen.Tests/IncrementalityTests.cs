using System.Reflection;
using Cce.Gen.SourceGenerators;
using Cce.Gen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Cce.Gen.Tests;

/// <summary>An edit that does not touch a loss leaves every named pipeline step cached or unchanged.</summary>
public sealed class IncrementalityTests
{
    private const string Losses = """
        using Cce;

        namespace Shop;

        [CatalogLoss(Negatives = 255, HiddenSize = 64)]
        [PerRowTile(Warps = 4, RowsPerGroup = 8)]
        public partial class GoodLoss;

        [CatalogLoss(Negatives = 0, HiddenSize = 64)]
        public partial class BrokenLoss;

        [PerRowTile(Warps = 2)]
        public partial class OrphanCandidates;

        public static class Helpers
        {
            public static int Twice(int x) => x * 2;
        }
        """;

    private const string Other = """
        namespace Shop;

        public static class Unrelated
        {
            public static int Answer() => 42;
        }
        """;

    private static readonly string[] StepNames = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();

    [Fact]
    public void AddingAnUnrelatedFile_KeepsEveryStepCached() =>
        AssertCached(c => c.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Shop; public sealed class Extra;", TestCompilation.ParseOptions, path: "Extra.cs")));

    [Fact]
    public void EditingAnUnrelatedMethodInAnotherFile_KeepsEveryStepCached() =>
        AssertCached(c => Replace(c, "Input1.cs", Other.Replace("42", "43", StringComparison.Ordinal)));

    [Fact]
    public void EditingAMethodBodyInTheLossFile_KeepsEveryStepCached() =>
        AssertCached(c => Replace(c, "Input0.cs", Losses.Replace("x * 2", "x + x", StringComparison.Ordinal)));

    private static Compilation Replace(Compilation compilation, string path, string text)
    {
        SyntaxTree old = compilation.SyntaxTrees.Single(t => t.FilePath == path);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(text, TestCompilation.ParseOptions, path: path));
    }

    private static void AssertCached(Func<Compilation, Compilation> edit)
    {
        Compilation compilation = TestCompilation.Create(Losses, Other);
        GeneratorDriver driver = GeneratorRun.CreateDriver(trackSteps: true).RunGenerators(compilation);
        driver = driver.RunGenerators(edit(compilation));

        GeneratorRunResult result = driver.GetRunResult().Results.Single();
        foreach (string name in StepNames)
        {
            Assert.True(result.TrackedSteps.TryGetValue(name, out var steps), "The step " + name + " did not run.");
            (object Value, IncrementalStepRunReason Reason)[] outputs = steps.SelectMany(s => s.Outputs).ToArray();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, o => Assert.True(
                o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                name + " produced " + o.Reason + " for " + o.Value));
        }
    }
}
