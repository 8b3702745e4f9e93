using Cce.Gen.SourceGenerators.Emitting;
using Cce.Gen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace Cce.Gen.Tests;

/// <summary>The shape of the generated code: its files, its names, its folded constants.</summary>
public sealed class GeneratedCodeTests
{
    /// <summary>Losses whose kernels take the rarer paths: guarded chunks and strided elements (D = 48), one lane per item (D = 4).</summary>
    private const string RarePaths = """
        using Cce;

        namespace Shop;

        [CatalogLoss(Negatives = 5, HiddenSize = 48)]
        [PerRowTile(Warps = 2, RowsPerGroup = 4, ItemsInFlight = 3)]
        public partial class Guarded;

        [CatalogLoss(Negatives = 9, HiddenSize = 4, Element = ElementType.Float32, HiddenGradient = GradientPrecision.Float32)]
        [PerRowTile(Warps = 1, RowsPerGroup = 1, ItemsInFlight = 1)]
        public partial class OneLane;

        [CatalogLoss(Scheme = NegativeScheme.Explicit, Negatives = 3, HiddenSize = 24, Element = ElementType.BFloat16, HiddenGradient = GradientPrecision.Float32)]
        [PerRowTile(Warps = 4, RowsPerGroup = 4, ItemsInFlight = 2)]
        public partial class Widened;
        """;

    [Fact]
    public void EachLoss_HasAnApiFileAndOneKernelsFilePerLayout()
    {
        GeneratorRun run = GeneratorRun.Of("""
            using Cce;

            namespace Shop;

            [CatalogLoss(Negatives = 7, HiddenSize = 8)]
            [PerRowTile(Warps = 4, RowsPerGroup = 8, ItemsInFlight = 2)]
            [PerRowTile(Warps = 8, RowsPerGroup = 16, ItemsInFlight = 1)]
            public partial class Loss;
            """);

        Assert.Equal(
            ["Cce.LossRegistry.g.cs", "Shop.Loss.Kernels.Portable.g.cs", "Shop.Loss.Kernels.w4r8f2.g.cs", "Shop.Loss.Kernels.w8r16f1.g.cs", "Shop.Loss.g.cs"],
            run.Result.GeneratedSources.Select(s => s.HintName).Order(StringComparer.Ordinal));
        Assert.Empty(run.CompilerErrors);
    }

    [Fact]
    public void NamesOfTheUsersProject_CaptureNothing()
    {
        // Every alias name as a type of the loss's namespace, and as a project-wide alias of something else.
        const string Aliases = """
            global using Cce = System.Text;
            global using Kernels = System.Text;
            global using PerRow = System.Text;
            global using ILGPU = System.Text;
            global using Immutable = System.Text;
            global using Compiler = System.Text;
            global using Generic = System.Text;
            """;
        const string Types = """
            namespace Shop
            {
                internal sealed class Cce;
                internal sealed class Kernels;
                internal sealed class PerRow;
                internal sealed class ILGPU;
                internal sealed class System;
                internal sealed class Immutable;
                internal sealed class Compiler;
                internal sealed class Generic;
                internal sealed class U4;
                internal sealed class MathF;
            }
            """;

        GeneratorRun run = GeneratorRun.Of(RarePaths.Replace("using Cce;", "using global::Cce;", StringComparison.Ordinal), Aliases, Types);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning && IsGenerated(d)));
    }

    [Fact]
    public void NoConstantArithmeticIsLeftForTheCompiler()
    {
        GeneratorRun run = DiagnosticAssert.Clean(RarePaths);

        foreach (GeneratedSourceResult source in run.Result.GeneratedSources)
        {
            SyntaxNode root = CSharpSyntaxTree.ParseText(source.SourceText).GetRoot();
            Assert.All(root.DescendantNodes().OfType<BinaryExpressionSyntax>(), e => Assert.False(Foldable(e), source.HintName + ": " + e));
        }
    }

    [Fact]
    public void IndexExpression_FoldsItsConstants()
    {
        IndexExpression lane = IndexExpression.Of("subLane");
        Assert.Equal("subLane", (lane + 0).ToString());
        Assert.Equal("subLane", (lane * 1).ToString());
        Assert.Equal("subLane + 32", (lane + 32).ToString());
        Assert.Equal("subLane * 2 + 65", (((lane + 32) * 2) + 1).ToString());
        Assert.Equal("(long)row * 16 + subLane", (IndexExpression.Of("(long)row", 16) + lane).ToString());
        Assert.Equal("5", ((IndexExpression.Literal(0) * 32) + 5).ToString());
        Assert.Equal("0", (IndexExpression.Of("it", 0) + 0).ToString());
    }

    [Fact]
    public void IndexExpression_PrintsOperandsAsTheyBind()
    {
        IndexExpression chunk = IndexExpression.Of("(long)row", 32) + (IndexExpression.Of("subLane") * 2) + 1;
        Assert.Equal("(long)row * 32 + subLane * 2 + 1", chunk.ToString());
        Assert.Equal("7", IndexExpression.Literal(7).Grouped);
        Assert.Equal("(subLane + 8) >> 2", (IndexExpression.Of("subLane") + 8).ShiftedRight(2));
        Assert.Equal("subLane & 3", IndexExpression.Of("subLane").Masked(3));
        Assert.Equal("lane", IndexExpression.Of("lane").ShiftedRight(0));
        Assert.Equal("0", IndexExpression.Of("lane").Masked(0));
        Assert.Equal("slotBase - 1", (IndexExpression.Of("slotBase") + -1).ToString());
    }

    private static bool IsGenerated(Diagnostic diagnostic) =>
        diagnostic.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true;

    /// <summary>Integer arithmetic the emitter could have done itself: two literals, + 0, − 0, · 0, · 1, a shift by 0.</summary>
    private static bool Foldable(BinaryExpressionSyntax e)
    {
        int? left = IntegerLiteral(e.Left);
        int? right = IntegerLiteral(e.Right);
        return e.Kind() switch
        {
            _ when left is not null && right is not null && IsArithmetic(e) => true,
            SyntaxKind.AddExpression => left == 0 || right == 0,
            SyntaxKind.SubtractExpression => right == 0,
            SyntaxKind.MultiplyExpression => left is 0 or 1 || right is 0 or 1,
            SyntaxKind.RightShiftExpression or SyntaxKind.LeftShiftExpression => right == 0,
            _ => false,
        };
    }

    private static bool IsArithmetic(BinaryExpressionSyntax e) => e.Kind() is SyntaxKind.AddExpression or SyntaxKind.SubtractExpression
        or SyntaxKind.MultiplyExpression or SyntaxKind.RightShiftExpression or SyntaxKind.LeftShiftExpression or SyntaxKind.BitwiseAndExpression;

    private static int? IntegerLiteral(ExpressionSyntax expression)
    {
        while (expression is ParenthesizedExpressionSyntax parenthesized)
        {
            expression = parenthesized.Expression;
        }

        return expression is LiteralExpressionSyntax { Token.Value: int value } ? value : null;
    }
}
