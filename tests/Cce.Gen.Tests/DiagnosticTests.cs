using Cce.Gen.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Cce.Gen.Tests;

/// <summary>Each diagnostic id fires on its mistake, at the most precise location, and not on the corrected input.</summary>
public sealed class DiagnosticTests
{
    private const string Usings = "using Cce;\n\n";

    [Fact]
    public void CCE0001_ClassNotPartial() => DiagnosticAssert.Fires("CCE0001", Usings + """
        [CatalogLoss(Negatives = 7, HiddenSize = 8)]
        public class [|Loss|] { }
        """);

    [Fact]
    public void CCE0001_PartialClass_DoesNotFire() => DiagnosticAssert.Clean(Usings + """
        [CatalogLoss(Negatives = 7, HiddenSize = 8)]
        public partial class Loss { }
        """);

    [Fact]
    public void CCE0002_ContainingTypeNotPartial()
    {
        Diagnostic diagnostic = DiagnosticAssert.Fires("CCE0002", Usings + """
            public class [|Outer|]<T>
            {
                [CatalogLoss(Negatives = 7, HiddenSize = 8)]
                public partial class Loss;
            }
            """);
        Assert.Contains("'Outer<T>'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void CCE0002_PartialContainingType_DoesNotFire() => DiagnosticAssert.Clean(Usings + """
        public partial class Outer<T>
        {
            [CatalogLoss(Negatives = 7, HiddenSize = 8)]
            public partial class Loss;
        }
        """);

    [Fact]
    public void CCE0003_NegativesBelowOne()
    {
        Diagnostic diagnostic = DiagnosticAssert.Fires("CCE0003", Usings + """
            [CatalogLoss([|Negatives = 0|], HiddenSize = 8)]
            public partial class Loss;
            """);
        Assert.Equal("The loss class 'Loss' declares Negatives = 0; expected at least 1 negative per row", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void CCE0003_NegativesMissing_PointsAtTheAttributeAndSaysItIsRequired()
    {
        Diagnostic diagnostic = DiagnosticAssert.Fires("CCE0003", Usings + """
            [[|CatalogLoss(HiddenSize = 8)|]]
            public partial class Loss;
            """);
        Assert.Equal("The loss class 'Loss' leaves out Negatives: Negatives is required; expected at least 1 negative per row", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void CCE0004_HiddenSizeMissing_SaysItIsRequired()
    {
        Diagnostic diagnostic = DiagnosticAssert.Fires("CCE0004", Usings + """
            [[|CatalogLoss(Negatives = 7)|]]
            public partial class Loss;
            """);
        Assert.StartsWith("The loss class 'Loss' leaves out HiddenSize: HiddenSize is required; expected a positive multiple of 4", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void CCE0003_OneNegative_DoesNotFire() => DiagnosticAssert.Clean(Usings + """
        [CatalogLoss(Negatives = 1, HiddenSize = 8)]
        public partial class Loss;
        """);

    [Fact]
    public void CCE0004_HiddenSizeNotAMultipleOfTheVectorWidth()
    {
        Diagnostic diagnostic = DiagnosticAssert.Fires("CCE0004", Usings + """
            [CatalogLoss(Negatives = 7, [|HiddenSize = 12|], Element = ElementType.Float16)]
            public partial class Loss;
            """);
        Assert.Contains("expected a positive multiple of 8", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void CCE0004_HiddenSizeAMultipleOfTheVectorWidth_DoesNotFire() => DiagnosticAssert.Clean(Usings + """
        [CatalogLoss(Negatives = 7, HiddenSize = 16, Element = ElementType.Float16)]
        public partial class Loss;
        """);

    [Fact]
    public void CCE0005_UnknownElementType()
    {
        Diagnostic diagnostic = DiagnosticAssert.Fires("CCE0005", Usings + """
            [CatalogLoss(Negatives = 7, HiddenSize = 8, [|Element = (ElementType)7|])]
            public partial class Loss;
            """);
        Assert.Contains("(ElementType)7", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void CCE0005_KnownElementType_DoesNotFire() => DiagnosticAssert.Clean(Usings + """
        [CatalogLoss(Negatives = 7, HiddenSize = 8, Element = ElementType.BFloat16)]
        public partial class Loss;
        """);

    [Fact]
    public void CCE0006_LogQWithExplicitNegatives() => DiagnosticAssert.Fires("CCE0006", Usings + """
        [CatalogLoss(Scheme = NegativeScheme.Explicit, Negatives = 7, HiddenSize = 8, [|Correction = LogQCorrection.LogQ|])]
        public partial class Loss;
        """);

    [Fact]
    public void CCE0006_UnknownCorrection() => DiagnosticAssert.Fires("CCE0006", Usings + """
        [CatalogLoss(Negatives = 7, HiddenSize = 8, [|Correction = (LogQCorrection)9|])]
        public partial class Loss;
        """);

    [Fact]
    public void CCE0006_PaperWithPopularityNegatives()
    {
        Diagnostic diagnostic = DiagnosticAssert.Fires("CCE0006", Usings + """
            [CatalogLoss(Scheme = NegativeScheme.Popularity, Negatives = 7, HiddenSize = 8, [|Correction = LogQCorrection.Paper|])]
            public partial class Loss;
            """);
        Assert.Contains("None or LogQ", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void CCE0006_LogQWithPopularityNegatives_DoesNotFire() => DiagnosticAssert.Clean(Usings + """
        [CatalogLoss(Scheme = NegativeScheme.Popularity, Negatives = 7, HiddenSize = 8, Correction = LogQCorrection.LogQ)]
        public partial class Loss;
        """);

    [Fact]
    public void CCE0006_PaperWithExplicitNegatives_DoesNotFire() => DiagnosticAssert.Clean(Usings + """
        [CatalogLoss(Scheme = NegativeScheme.Explicit, Negatives = 7, HiddenSize = 8, Correction = LogQCorrection.Paper)]
        public partial class Loss;
        """);

    [Fact]
    public void CCE0007_UnknownScheme() => DiagnosticAssert.Fires("CCE0007", Usings + """
        [CatalogLoss([|Scheme = (NegativeScheme)42|], Negatives = 7, HiddenSize = 8)]
        public partial class Loss;
        """);

    [Fact]
    public void CCE0007_AvailableScheme_DoesNotFire() => DiagnosticAssert.Clean(Usings + """
        [CatalogLoss(Scheme = NegativeScheme.Explicit, Negatives = 7, HiddenSize = 8)]
        public partial class Loss;
        """);

    [Fact]
    public void CCE0008_TooManyWarps() => DiagnosticAssert.Fires("CCE0008", Usings + """
        [CatalogLoss(Negatives = 7, HiddenSize = 8)]
        [PerRowTile([|Warps = 33|], RowsPerGroup = 33)]
        public partial class Loss;
        """);

    [Fact]
    public void CCE0008_NoWarps() => DiagnosticAssert.Fires("CCE0008", Usings + """
        [CatalogLoss(Negatives = 7, HiddenSize = 8)]
        [PerRowTile([|Warps = 0|])]
        public partial class Loss;
        """);

    [Fact]
    public void CCE0008_ThirtyTwoWarps_DoesNotFire() => DiagnosticAssert.Clean(Usings + """
        [CatalogLoss(Negatives = 7, HiddenSize = 8)]
        [PerRowTile(Warps = 32, RowsPerGroup = 32)]
        public partial class Loss;
        """);

    [Fact]
    public void CCE0009_CandidateNeedsTooMuchSharedMemory()
    {
        Diagnostic diagnostic = DiagnosticAssert.Fires("CCE0009", Usings + """
            [CatalogLoss(Negatives = 10000, HiddenSize = 8)]
            [PerRowTile([|Warps = 8|], RowsPerGroup = 8)]
            public partial class Loss;
            """);
        Assert.Contains("needs 320032 bytes", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains("at most 232448 bytes", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void CCE0009_NoFusedDefaultFits_TheSortedDefaultsStillServe() => DiagnosticAssert.Clean(Usings + """
        [CatalogLoss(Negatives = 60000, HiddenSize = 8)]
        public partial class Loss;
        """);

    [Fact]
    public void CCE0009_ASortedCandidateNeedsNoSharedMemory() => DiagnosticAssert.Clean(Usings + """
        [CatalogLoss(Negatives = 60000, HiddenSize = 8)]
        [PerRowTile(Warps = 8, RowsPerGroup = 8, Pipeline = PerRowPipeline.Sorted)]
        public partial class Loss;
        """);

    [Fact]
    public void CCE0010_SortedChunkRowsNotAMultipleOf1024() => DiagnosticAssert.Fires("CCE0010", Usings + """
        [CatalogLoss(Negatives = 7, HiddenSize = 8)]
        [PerRowTile(Pipeline = PerRowPipeline.Sorted, [|ChunkRows = 1000|])]
        public partial class Loss;
        """);

    [Fact]
    public void CCE0010_SortedChunkRowsBeyond16Bits() => DiagnosticAssert.Fires("CCE0010", Usings + """
        [CatalogLoss(Negatives = 7, HiddenSize = 8)]
        [PerRowTile(Pipeline = PerRowPipeline.Sorted, [|ChunkRows = 131072|])]
        public partial class Loss;
        """);

    [Fact]
    public void CCE0010_ChunkRowsOnAFusedCandidate() => DiagnosticAssert.Fires("CCE0010", Usings + """
        [CatalogLoss(Negatives = 7, HiddenSize = 8)]
        [PerRowTile([|ChunkRows = 4096|])]
        public partial class Loss;
        """);

    [Fact]
    public void CCE0010_LaunchBoundsBeyondAMultiprocessor() => DiagnosticAssert.Fires("CCE0010", Usings + """
        [CatalogLoss(Negatives = 7, HiddenSize = 8)]
        [PerRowTile([|MinGroupsPerMultiprocessor = 33|])]
        public partial class Loss;
        """);

    [Fact]
    public void CCE0010_TwoCandidatesThatDifferInLaunchBoundsOnly_DoNotFire()
    {
        GeneratorRun run = DiagnosticAssert.Clean(Usings + """
            [CatalogLoss(Negatives = 7, HiddenSize = 8)]
            [PerRowTile(Warps = 2, RowsPerGroup = 2, Pipeline = PerRowPipeline.Sorted, MinGroupsPerMultiprocessor = 8)]
            [PerRowTile(Warps = 2, RowsPerGroup = 2, Pipeline = PerRowPipeline.Sorted)]
            public partial class Loss;
            """);
        Assert.Equal(2, Assert.Single(run.Models).Tiles.Length);
    }

    [Fact]
    public void CCE0009_CandidateThatFits_DoesNotFire() => DiagnosticAssert.Clean(Usings + """
        [CatalogLoss(Negatives = 10000, HiddenSize = 8)]
        [PerRowTile(Warps = 4, RowsPerGroup = 8)]
        public partial class Loss;
        """);

    [Fact]
    public void CCE0010_RowsNotAMultipleOfWarps() => DiagnosticAssert.Fires("CCE0010", Usings + """
        [CatalogLoss(Negatives = 7, HiddenSize = 8)]
        [PerRowTile(Warps = 4, [|RowsPerGroup = 6|])]
        public partial class Loss;
        """);

    [Fact]
    public void CCE0010_DefaultRowsNotAMultipleOfWarps_PointsAtTheCandidate() => DiagnosticAssert.Fires("CCE0010", Usings + """
        [CatalogLoss(Negatives = 7, HiddenSize = 8)]
        [[|PerRowTile(Warps = 8)|]]
        public partial class Loss;
        """);

    [Fact]
    public void CCE0010_TooManyItemsInFlight() => DiagnosticAssert.Fires("CCE0010", Usings + """
        [CatalogLoss(Negatives = 7, HiddenSize = 8)]
        [PerRowTile([|ItemsInFlight = 9|])]
        public partial class Loss;
        """);

    [Fact]
    public void CCE0010_RowsAMultipleOfWarps_DoesNotFire() => DiagnosticAssert.Clean(Usings + """
        [CatalogLoss(Negatives = 7, HiddenSize = 8)]
        [PerRowTile(Warps = 4, RowsPerGroup = 8, ItemsInFlight = 8)]
        public partial class Loss;
        """);

    [Fact]
    public void CCE0011_DuplicateCandidate_IsDroppedWithAWarning()
    {
        Diagnostic diagnostic = DiagnosticAssert.Fires("CCE0011", Usings + """
            [CatalogLoss(Negatives = 7, HiddenSize = 8)]
            [PerRowTile(Warps = 4)]
            [[|PerRowTile(Warps = 4, RowsPerGroup = 4, ItemsInFlight = 2)|]]
            public partial class Loss;
            """);
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);

        GeneratorRun run = GeneratorRun.Of(Markup.Parse(Usings + """
            [CatalogLoss(Negatives = 7, HiddenSize = 8)]
            [PerRowTile(Warps = 4)]
            [[|PerRowTile(Warps = 4, RowsPerGroup = 4, ItemsInFlight = 2)|]]
            public partial class Loss;
            """).Source);
        Assert.Equal(1, Assert.Single(run.Models).Tiles.Length);
    }

    [Fact]
    public void CCE0011_DistinctCandidates_DoesNotFire() => DiagnosticAssert.Clean(Usings + """
        [CatalogLoss(Negatives = 7, HiddenSize = 8)]
        [PerRowTile(Warps = 4)]
        [PerRowTile(Warps = 4, ItemsInFlight = 4)]
        public partial class Loss;
        """);

    [Fact]
    public void CCE0012_NonNegativeIgnoreIndex() => DiagnosticAssert.Fires("CCE0012", Usings + """
        [CatalogLoss(Negatives = 7, HiddenSize = 8, [|IgnoreIndex = 0|])]
        public partial class Loss;
        """);

    [Fact]
    public void CCE0012_UnknownReduction() => DiagnosticAssert.Fires("CCE0012", Usings + """
        [CatalogLoss(Negatives = 7, HiddenSize = 8, [|Reduction = (LossReduction)5|])]
        public partial class Loss;
        """);

    [Fact]
    public void CCE0012_UnknownHiddenGradient() => DiagnosticAssert.Fires("CCE0012", Usings + """
        [CatalogLoss(Negatives = 7, HiddenSize = 8, [|HiddenGradient = (GradientPrecision)3|])]
        public partial class Loss;
        """);

    [Fact]
    public void CCE0012_FusedCandidateOfADeterministicLoss() => DiagnosticAssert.Fires("CCE0012", Usings + """
        [CatalogLoss(Negatives = 7, HiddenSize = 8, DeterministicGradients = true)]
        [PerRowTile(Warps = 2, RowsPerGroup = 2, Pipeline = PerRowPipeline.Sorted)]
        [PerRowTile(Warps = 2, RowsPerGroup = 2, [|Pipeline = PerRowPipeline.Fused|])]
        public partial class Loss;
        """);

    [Fact]
    public void CCE0012_SortedCandidatesOfADeterministicLoss_DoNotFire() => DiagnosticAssert.Clean(Usings + """
        [CatalogLoss(Negatives = 7, HiddenSize = 8, DeterministicGradients = true)]
        [PerRowTile(Warps = 2, RowsPerGroup = 2, Pipeline = PerRowPipeline.Sorted)]
        public partial class Loss;
        """);

    [Fact]
    public void CCE0012_NegativeIgnoreIndex_DoesNotFire() => DiagnosticAssert.Clean(Usings + """
        [CatalogLoss(Negatives = 7, HiddenSize = 8, IgnoreIndex = -1, Reduction = LossReduction.None, HiddenGradient = GradientPrecision.Float32)]
        public partial class Loss;
        """);

    [Fact]
    public void CCE0013_CandidateWithoutLoss() => DiagnosticAssert.Fires("CCE0013", Usings + """
        [[|PerRowTile(Warps = 4)|]]
        public partial class NotALoss;
        """);

    [Fact]
    public void CCE0013_LossOnAnotherPart_DoesNotFire()
    {
        GeneratorRun run = DiagnosticAssert.Clean(Usings + """
            [PerRowTile(Warps = 2, RowsPerGroup = 2)]
            public partial class Loss;

            [CatalogLoss(Negatives = 7, HiddenSize = 8)]
            public partial class Loss;
            """);
        Assert.True(Assert.Single(run.Models).TilesDeclared);
    }

    [Fact]
    public void TheLossAttributeOnTwoPartsOfAClass_IsTheCompilersDuplicateAttributeError_NotAGeneratorFailure()
    {
        GeneratorRun run = GeneratorRun.Of(Usings + """
            [CatalogLoss(Negatives = 7, HiddenSize = 8)]
            public partial class Loss;

            [CatalogLoss(Negatives = 9, HiddenSize = 8)]
            public partial class Loss;
            """);

        Assert.Null(run.Result.Exception);
        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.Result.GeneratedSources);
        Assert.Contains(run.CompilerErrors, d => d.Id == "CS0579");
    }

    [Fact]
    public void CCE0014_StaticClass() => DiagnosticAssert.Fires("CCE0014", Usings + """
        [CatalogLoss(Negatives = 7, HiddenSize = 8)]
        public [|static|] partial class Loss;
        """);

    [Fact]
    public void CCE0014_AbstractClass() => DiagnosticAssert.Fires("CCE0014", Usings + """
        [CatalogLoss(Negatives = 7, HiddenSize = 8)]
        public [|abstract|] partial class Loss;
        """);

    [Fact]
    public void CCE0014_GenericClass() => DiagnosticAssert.Fires("CCE0014", Usings + """
        [CatalogLoss(Negatives = 7, HiddenSize = 8)]
        public partial class Loss[|<T>|];
        """);

    [Fact]
    public void CCE0014_BaseClass()
    {
        Diagnostic diagnostic = DiagnosticAssert.Fires("CCE0014", Usings + """
            public class Base;

            [CatalogLoss(Negatives = 7, HiddenSize = 8)]
            public partial class Loss : [|Base|], System.IDisposable
            {
                public void Dispose() { }
            }
            """);
        Assert.Contains("base class 'Base'", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void CCE0014_Record() => DiagnosticAssert.Fires("CCE0014", Usings + """
        [CatalogLoss(Negatives = 7, HiddenSize = 8)]
        public partial record [|Loss|];
        """);

    [Fact]
    public void CCE0014_SealedClassWithInterface_DoesNotFire() => DiagnosticAssert.Clean(Usings + """
        public interface IMarker;

        [CatalogLoss(Negatives = 7, HiddenSize = 8)]
        public sealed partial class Loss : IMarker;
        """);

    [Fact]
    public void ArgumentTheCompilerRejects_ReportsNothingOfItsOwn()
    {
        GeneratorRun run = GeneratorRun.Of(Usings + """
            [CatalogLoss(Negatives = "seven", HiddenSize = 8)]
            public partial class Loss;
            """);

        Assert.Empty(run.Diagnostics);
        Assert.Empty(run.Result.GeneratedSources);
        Assert.Null(run.Result.Exception);
        Assert.NotEmpty(run.CompilerErrors);
    }

    [Fact]
    public void EveryMistakeOfOneClass_IsReported()
    {
        GeneratorRun run = GeneratorRun.Of(Usings + """
            [CatalogLoss(Negatives = 0, HiddenSize = 3, IgnoreIndex = 5)]
            [PerRowTile(Warps = 64, ItemsInFlight = 0)]
            public class Loss;
            """);

        Assert.Equal(
            ["CCE0001", "CCE0003", "CCE0004", "CCE0008", "CCE0010", "CCE0012"],
            run.Diagnostics.Select(d => d.Id).Order(StringComparer.Ordinal).ToArray());
    }
    [Fact]
    public void SharedSetSchemes_AreClean()
    {
        DiagnosticAssert.Clean(Usings + """
            [CatalogLoss(Scheme = NegativeScheme.SharedUniform, Negatives = 255, GroupRows = 64, HiddenSize = 64, Element = ElementType.BFloat16, Correction = LogQCorrection.LogQ)]
            public partial class Shared;
            """);
        DiagnosticAssert.Clean(Usings + """
            [CatalogLoss(Scheme = NegativeScheme.InBatch, HiddenSize = 64, Element = ElementType.Float16, Correction = LogQCorrection.LogQ)]
            public partial class InBatchLoss;
            """);
    }

    [Fact]
    public void CCE0012_InBatchWithNegatives() => DiagnosticAssert.Fires("CCE0012", Usings + """
        [CatalogLoss(Scheme = NegativeScheme.InBatch, [|Negatives = 7|], HiddenSize = 64)]
        public partial class Loss;
        """);

    [Fact]
    public void CCE0003_SharedUniformWithoutNegatives() => DiagnosticAssert.Fires("CCE0003", Usings + """
        [[|CatalogLoss(Scheme = NegativeScheme.SharedUniform, HiddenSize = 64)|]]
        public partial class Loss;
        """);

    [Fact]
    public void CCE0006_PaperInBatch() => DiagnosticAssert.Fires("CCE0006", Usings + """
        [CatalogLoss(Scheme = NegativeScheme.InBatch, HiddenSize = 64, [|Correction = LogQCorrection.Paper|])]
        public partial class Loss;
        """);

    [Theory]
    [InlineData("Scheme = NegativeScheme.UniformPerRow, Negatives = 7, HiddenSize = 8, [|GroupRows = 4|]")]
    [InlineData("Scheme = NegativeScheme.FullCatalog, HiddenSize = 64, [|GroupRows = 4|]")]
    [InlineData("Scheme = NegativeScheme.InBatch, HiddenSize = 64, [|GroupRows = -1|]")]
    public void CCE0012_GroupRowsWithoutASharedSet(string arguments) => DiagnosticAssert.Fires("CCE0012", Usings + $$"""
        [CatalogLoss({{arguments}})]
        public partial class Loss;
        """);

    [Fact]
    public void CCE0012_WarpGroupTileOnASharedSetScheme_DoesNotFire() => DiagnosticAssert.Clean(Usings + """
        [CatalogLoss(Scheme = NegativeScheme.SharedUniform, Negatives = 63, HiddenSize = 64, Element = ElementType.Float16)]
        [MatrixTile(Rows = 128, Items = 128, DStep = 64, Warps = 8, Stages = 2, WarpGroups = true)]
        public partial class Loss;
        """);

    [Fact]
    public void CCE0010_SharedSetWarpGroupTileWhoseStagesCannotHoldThePositives() => DiagnosticAssert.Fires("CCE0010", Usings + """
        [CatalogLoss(Scheme = NegativeScheme.InBatch, HiddenSize = 64, Element = ElementType.BFloat16)]
        [MatrixTile([|Rows = 256|], Items = 64, DStep = 64, Warps = 16, Stages = 2, WarpGroups = true)]
        public partial class Loss;
        """);

    [Fact]
    public void CCE0010_SharedSetTileWhoseStagesCannotHoldThePositives() => DiagnosticAssert.Fires("CCE0010", Usings + """
        [CatalogLoss(Scheme = NegativeScheme.InBatch, HiddenSize = 64, Element = ElementType.Float16)]
        [MatrixTile([|Rows = 128|], Items = 32, DStep = 32, Warps = 8, Stages = 2)]
        public partial class Loss;
        """);

    [Fact]
    public void SharedSetTileWhoseStagesHoldThePositives_IsClean() => DiagnosticAssert.Clean(Usings + """
        [CatalogLoss(Scheme = NegativeScheme.InBatch, HiddenSize = 64, Element = ElementType.Float16)]
        [MatrixTile(Rows = 128, Items = 32, DStep = 32, Warps = 8, Stages = 4)]
        public partial class Loss;
        """);

    [Fact]
    public void FullCatalog_WithoutNegatives_IsClean() => DiagnosticAssert.Clean(Usings + """
        [CatalogLoss(Scheme = NegativeScheme.FullCatalog, HiddenSize = 64, Element = ElementType.BFloat16)]
        public partial class Loss;
        """);

    [Fact]
    public void CCE0012_FullCatalogWithNegatives() => DiagnosticAssert.Fires("CCE0012", Usings + """
        [CatalogLoss(Scheme = NegativeScheme.FullCatalog, [|Negatives = 7|], HiddenSize = 64)]
        public partial class Loss;
        """);

    [Fact]
    public void CCE0012_FullCatalogHiddenSizeNotAMatrixStep() => DiagnosticAssert.Fires("CCE0012", Usings + """
        [CatalogLoss(Scheme = NegativeScheme.FullCatalog, [|HiddenSize = 40|])]
        public partial class Loss;
        """);

    [Theory]
    [InlineData("-0.5f")]
    [InlineData("1f")]
    [InlineData("float.NaN")]
    public void CCE0012_GradientFilterOutsideAProbability(string threshold) => DiagnosticAssert.Fires("CCE0012", Usings + $$"""
        [CatalogLoss(Scheme = NegativeScheme.FullCatalog, HiddenSize = 64, [|GradientFilter = {{threshold}}|])]
        public partial class Loss;
        """);

    [Fact]
    public void CCE0012_GradientFilterOnAPerRowScheme() => DiagnosticAssert.Fires("CCE0012", Usings + """
        [CatalogLoss(Negatives = 7, HiddenSize = 64, [|GradientFilter = 1e-4f|])]
        public partial class Loss;
        """);

    [Fact]
    public void CCE0012_GradientFilterOnAFullCatalogLoss_DoesNotFire() => DiagnosticAssert.Clean(Usings + """
        [CatalogLoss(Scheme = NegativeScheme.FullCatalog, HiddenSize = 64, Element = ElementType.BFloat16, GradientFilter = 2.44140625e-4f)]
        public partial class Loss;
        """);

    [Fact]
    public void CCE0012_TensorFloat32OnA16BitLoss() => DiagnosticAssert.Fires("CCE0012", Usings + """
        [CatalogLoss(Scheme = NegativeScheme.FullCatalog, HiddenSize = 64, Element = ElementType.BFloat16, [|AllowTensorFloat32 = true|])]
        public partial class Loss;
        """);

    [Fact]
    public void CCE0012_TensorFloat32OnAPerRowScheme() => DiagnosticAssert.Fires("CCE0012", Usings + """
        [CatalogLoss(Negatives = 7, HiddenSize = 64, [|AllowTensorFloat32 = true|])]
        public partial class Loss;
        """);

    [Fact]
    public void CCE0012_TensorFloat32OnAFloat32FullCatalogLoss_DoesNotFire() => DiagnosticAssert.Clean(Usings + """
        [CatalogLoss(Scheme = NegativeScheme.FullCatalog, HiddenSize = 256, AllowTensorFloat32 = true)]
        public partial class Loss;
        """);

    [Fact]
    public void CCE0006_FullCatalogWithACorrection() => DiagnosticAssert.Fires("CCE0006", Usings + """
        [CatalogLoss(Scheme = NegativeScheme.FullCatalog, HiddenSize = 64, [|Correction = LogQCorrection.LogQ|])]
        public partial class Loss;
        """);

    [Fact]
    public void CCE0012_PerRowTileOnAFullCatalogLoss() => DiagnosticAssert.Fires("CCE0012", Usings + """
        [CatalogLoss(Scheme = NegativeScheme.FullCatalog, HiddenSize = 64)]
        [[|PerRowTile(Warps = 4)|]]
        public partial class Loss;
        """);

    [Fact]
    public void CCE0012_MatrixTileOnAPerRowLoss() => DiagnosticAssert.Fires("CCE0012", Usings + """
        [CatalogLoss(Negatives = 7, HiddenSize = 64)]
        [[|MatrixTile(Rows = 64)|]]
        public partial class Loss;
        """);

    [Fact]
    public void CCE0008_MatrixTileWarps() => DiagnosticAssert.Fires("CCE0008", Usings + """
        [CatalogLoss(Scheme = NegativeScheme.FullCatalog, HiddenSize = 64)]
        [MatrixTile([|Warps = 32|])]
        public partial class Loss;
        """);

    [Theory]
    [InlineData("Rows = 48")]
    [InlineData("Items = 40")]
    [InlineData("DStep = 48")]
    [InlineData("Stages = 5")]
    public void CCE0010_MatrixTileDoesNotDivide(string knob) => DiagnosticAssert.Fires("CCE0010", Usings + $$"""
        [CatalogLoss(Scheme = NegativeScheme.FullCatalog, HiddenSize = 64)]
        [MatrixTile(Warps = 2, [|{{knob}}|])]
        public partial class Loss;
        """);

    [Fact]
    public void CCE0009_MatrixTileSharedMemory() => DiagnosticAssert.Fires("CCE0009", Usings + """
        [CatalogLoss(Scheme = NegativeScheme.FullCatalog, HiddenSize = 256, Element = ElementType.BFloat16)]
        [MatrixTile(Rows = 64, Items = 512, DStep = 64, Warps = 4, [|Stages = 4|])]
        public partial class Loss;
        """);

    [Fact]
    public void CCE0015_MatrixTileRegisters() => DiagnosticAssert.Fires("CCE0015", Usings + """
        [CatalogLoss(Scheme = NegativeScheme.FullCatalog, HiddenSize = 256)]
        [MatrixTile(Rows = 128, Items = 64, DStep = 64, [|Warps = 4|])]
        public partial class Loss;
        """);

    [Theory]
    [InlineData("[|Warps = 6|], Rows = 96, Items = 128, DStep = 256")]
    [InlineData("Warps = 8, [|Rows = 64|], Items = 128, DStep = 256")]
    [InlineData("Warps = 8, Rows = 128, [|Items = 40|], DStep = 256")]
    [InlineData("Warps = 8, Rows = 128, [|Items = 272|], DStep = 256, Stages = 2")]
    [InlineData("Warps = 8, Rows = 128, Items = 128, [|DStep = 64|]")]
    public void CCE0010_WarpGroupTileDoesNotFit(string knobs) => DiagnosticAssert.Fires("CCE0010", Usings + $$"""
        [CatalogLoss(Scheme = NegativeScheme.FullCatalog, HiddenSize = 256, Element = ElementType.BFloat16)]
        [MatrixTile({{knobs}}, WarpGroups = true)]
        public partial class Loss;
        """);

    [Fact]
    public void CCE0012_WarpGroupTileOnFloat32() => DiagnosticAssert.Fires("CCE0012", Usings + """
        [CatalogLoss(Scheme = NegativeScheme.FullCatalog, HiddenSize = 64, Element = ElementType.Float32, AllowTensorFloat32 = true)]
        [MatrixTile(Rows = 128, Items = 128, DStep = 64, Warps = 8, [|WarpGroups = true|])]
        public partial class Loss;
        """);

    [Fact]
    public void CCE0012_WarpGroupTileWiderThanOneInstruction() => DiagnosticAssert.Fires("CCE0012", Usings + """
        [CatalogLoss(Scheme = NegativeScheme.FullCatalog, HiddenSize = 320, Element = ElementType.Float16)]
        [MatrixTile(Rows = 128, Items = 64, DStep = 320, Warps = 8, [|WarpGroups = true|])]
        public partial class Loss;
        """);

    [Fact]
    public void CCE0009_WarpGroupTileSharedMemory() => DiagnosticAssert.Fires("CCE0009", Usings + """
        [CatalogLoss(Scheme = NegativeScheme.FullCatalog, HiddenSize = 256, Element = ElementType.Float16)]
        [MatrixTile(Rows = 128, Items = 128, DStep = 256, Warps = 8, [|Stages = 3|], WarpGroups = true)]
        public partial class Loss;
        """);

    [Fact]
    public void WarpGroupTile_Clean() => DiagnosticAssert.Clean(Usings + """
        [CatalogLoss(Scheme = NegativeScheme.FullCatalog, HiddenSize = 64, Element = ElementType.Float16, GradientFilter = 1e-3f)]
        [MatrixTile(Rows = 192, Items = 16, DStep = 64, Warps = 12, Stages = 4, WarpGroups = true)]
        [MatrixTile(Rows = 128, Items = 256, DStep = 64, Warps = 8, Stages = 2, WarpGroups = true)]
        public partial class Loss;
        """);

    [Fact]
    public void CCE0011_DuplicateMatrixTile() => DiagnosticAssert.Fires("CCE0011", Usings + """
        [CatalogLoss(Scheme = NegativeScheme.FullCatalog, HiddenSize = 64)]
        [MatrixTile(Rows = 64)]
        [[|MatrixTile(Rows = 64)|]]
        public partial class Loss;
        """);

    [Fact]
    public void CCE0013_MatrixTileWithoutLoss() => DiagnosticAssert.Fires("CCE0013", Usings + """
        [[|MatrixTile(Rows = 64)|]]
        public partial class NotALoss;
        """);
}
