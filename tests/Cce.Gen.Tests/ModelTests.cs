using Cce.Gen.SourceGenerators.Models;
using Cce.Gen.Tests.Infrastructure;
using Xunit;

namespace Cce.Gen.Tests;

/// <summary>What the parser puts in the model: settings, candidates, enclosing types and the kernels class name.</summary>
public sealed class ModelTests
{
    // The enums are compiled into both the generator and Cce.Runtime, so settings are compared as text.
    [Fact]
    public void Settings_AreReadWithTheAttributeDefaults()
    {
        LossModel model = SingleModel("""
            [CatalogLoss(Negatives = 7, HiddenSize = 8)]
            public partial class Loss;
            """);

        Assert.Equal(
            "LossSettings { Scheme = UniformPerRow, Negatives = 7, HiddenSize = 8, Element = Float32, Correction = None, Reduction = Mean, IgnoreIndex = -100, HiddenGradient = Input, DeterministicGradients = False, GradientFilter = 0, AllowTensorFloat32 = False, GroupRows = 0 }",
            model.Settings.ToString());
    }

    [Fact]
    public void Settings_AreReadAsWritten()
    {
        LossModel model = SingleModel("""
            [CatalogLoss(Scheme = NegativeScheme.Explicit, Negatives = 99, HiddenSize = 32, Element = ElementType.Float16,
                                Correction = LogQCorrection.Paper, Reduction = LossReduction.None, IgnoreIndex = -1,
                                HiddenGradient = GradientPrecision.Float32, DeterministicGradients = true)]
            public partial class Loss;
            """);

        Assert.Equal(
            "LossSettings { Scheme = Explicit, Negatives = 99, HiddenSize = 32, Element = Float16, Correction = Paper, Reduction = None, IgnoreIndex = -1, HiddenGradient = Float32, DeterministicGradients = True, GradientFilter = 0, AllowTensorFloat32 = False, GroupRows = 0 }",
            model.Settings.ToString());
    }

    [Fact]
    public void DeclaredCandidates_KeepDeclarationOrder()
    {
        LossModel model = SingleModel("""
            [CatalogLoss(Negatives = 7, HiddenSize = 8)]
            [PerRowTile(Warps = 8, RowsPerGroup = 16, ItemsInFlight = 1)]
            [PerRowTile]
            public partial class Loss;
            """);

        Assert.True(model.TilesDeclared);
        Assert.Equal([new TileModel(8, 16, 1), new TileModel(4, 4, 2)], model.Tiles);
    }

    [Theory]
    [InlineData(255, "4,4,4,s65536,l1,g4 4,4,4,s65536,l1 4,4,4,s32768,l1,g4 4,4,4,s65536 4,4,2,s65536 4,4,2 8,8,2")]
    [InlineData(10000, "4,4,4,s65536,l1,g4 4,4,4,s65536,l1 4,4,4,s32768,l1,g4 4,4,4,s65536 4,4,2,s65536 4,4,2")]
    [InlineData(40000, "4,4,4,s65536,l1,g4 4,4,4,s65536,l1 4,4,4,s32768,l1,g4 4,4,4,s65536 4,4,2,s65536")]
    public void DefaultCandidates_AreTheSortedTilesThenTheFusedThatFitSharedMemory(int negatives, string expected)
    {
        LossModel model = SingleModel("[CatalogLoss(Negatives = " + negatives + ", HiddenSize = 8)]\npublic partial class Loss;");

        Assert.False(model.TilesDeclared);
        Assert.Equal(expected, string.Join(" ", model.Tiles.Select(t =>
            t.Warps + "," + t.RowsPerGroup + "," + t.ItemsInFlight + (t.ChunkRows > 0 ? ",s" + t.ChunkRows : string.Empty) + (t.LanesPerItem > 0 ? ",l" + t.LanesPerItem : string.Empty) + (t.MinGroupsPerMultiprocessor > 0 ? ",g" + t.MinGroupsPerMultiprocessor : string.Empty))));
    }

    [Theory]
    [InlineData("Float16", 256, "m128n64k32w8s2 m128n64k16w8s2 m128n64k16w8s3 m64n64k16w4s2 m128n128k256w8s2wg m128n64k256w8s3wg")]
    [InlineData("BFloat16", 64, "m128n64k32w8s2 m128n64k16w8s2 m128n64k16w8s3 m128n128k16w4s2 m128n128k32w4s2 m64n64k16w4s2 m256n128k64w16s2wg m192n128k64w12s2wg")]
    [InlineData("Float32", 64, "m128n64k32w8s2 m128n64k16w8s2 m128n64k16w8s3 m128n128k16w4s2 m128n128k32w4s2 m64n64k16w4s2")]
    public void DefaultMatrixCandidates_AddTheWarpGroupTilesThatFitAfterTheMmaSyncOnes(string element, int hiddenSize, string expected)
    {
        LossModel model = SingleModel($"[CatalogLoss(Scheme = NegativeScheme.FullCatalog, HiddenSize = {hiddenSize}, Element = ElementType.{element})]\npublic partial class Loss;");

        Assert.Equal(expected, string.Join(" ", model.MatrixTiles.Select(t => t.Suffix)));
    }

    [Fact]
    public void DefaultCandidates_OfADeterministicLoss_AreSortedOnly()
    {
        LossModel model = SingleModel("[CatalogLoss(Negatives = 255, HiddenSize = 8, DeterministicGradients = true)]\npublic partial class Loss;");

        Assert.Equal(["Sorted 4,4,4 l1 g4", "Sorted 4,4,4 l1 g0", "Sorted 4,4,4 l1 g4", "Sorted 4,4,4 l0 g0", "Sorted 4,4,2 l0 g0"], model.Tiles.Select(t => $"{t.Pipeline} {t.Warps},{t.RowsPerGroup},{t.ItemsInFlight} l{t.LanesPerItem} g{t.MinGroupsPerMultiprocessor}"));
    }

    [Fact]
    public void SortedCandidate_WithoutChunkRows_TakesTheLargestChunk()
    {
        LossModel model = SingleModel("""
            [CatalogLoss(Negatives = 7, HiddenSize = 8)]
            [PerRowTile(Warps = 2, RowsPerGroup = 2, ItemsInFlight = 1, Pipeline = PerRowPipeline.Sorted)]
            [PerRowTile(Warps = 2, RowsPerGroup = 2, ItemsInFlight = 1, Pipeline = PerRowPipeline.Sorted, ChunkRows = 2048)]
            public partial class Loss;
            """);

        // The generator links the runtime's pipeline enum, so this assembly sees two of them: compare by name.
        Assert.Equal(["Sorted 2,2,1 65536", "Sorted 2,2,1 2048"], model.Tiles.Select(t => $"{t.Pipeline} {t.Warps},{t.RowsPerGroup},{t.ItemsInFlight} {t.ChunkRows}"));
    }

    [Fact]
    public void ContainingTypes_CarryKeywordAndTypeParameters()
    {
        LossModel model = SingleModel("""
            namespace Shop.Training;

            public partial interface IHost
            {
                public partial record Outer<TKey, TValue>
                {
                    public partial record struct Middle
                    {
                        private partial struct Inner<T>
                        {
                            [CatalogLoss(Negatives = 7, HiddenSize = 8)]
                            public partial class Loss;
                        }
                    }
                }
            }
            """);

        Assert.Equal("Shop.Training", model.Namespace);
        Assert.Equal("Loss", model.ClassName);
        Assert.Equal(
            [new("interface", "IHost"), new("record", "Outer<TKey, TValue>"), new("record struct", "Middle"), new ContainingTypeModel("struct", "Inner<T>")],
            model.ContainingTypes);
    }

    [Fact]
    public void KernelsTypeName_JoinsNestedNames()
    {
        LossModel model = SingleModel("""
            namespace Shop;

            public partial class Outer
            {
                [CatalogLoss(Negatives = 7, HiddenSize = 8)]
                public partial class Loss;
            }
            """);

        Assert.Equal("Outer_LossKernels", model.KernelsTypeName);
    }

    [Fact]
    public void GlobalNamespace_HasNoNamespace() =>
        Assert.Null(SingleModel("[CatalogLoss(Negatives = 7, HiddenSize = 8)]\npublic partial class Loss;").Namespace);

    [Fact]
    public void KernelsTypeName_IsUniqueAcrossNestingUnderscoresAndArity()
    {
        GeneratorRun run = GeneratorRun.Of("""
            using Cce;

            namespace Shop
            {
                [CatalogLoss(Negatives = 7, HiddenSize = 8)]
                public partial class Outer_Loss;

                public partial class Outer
                {
                    [CatalogLoss(Negatives = 7, HiddenSize = 8)]
                    public partial class Loss;
                }

                public partial class Outer<T>
                {
                    [CatalogLoss(Negatives = 7, HiddenSize = 8)]
                    public partial class Loss;
                }

                public partial class Outer<T1, T2>
                {
                    [CatalogLoss(Negatives = 7, HiddenSize = 8)]
                    public partial class Loss;
                }
            }

            namespace Warehouse
            {
                public partial class Outer
                {
                    [CatalogLoss(Negatives = 7, HiddenSize = 8)]
                    public partial class Loss;
                }
            }
            """);

        string[] names = run.Models.Select(m => m.Namespace + "." + m.KernelsTypeName).ToArray();
        Assert.Equal(5, names.Length);
        Assert.Equal(names.Length, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(names, n => Assert.EndsWith("Kernels", n, StringComparison.Ordinal));
        Assert.Empty(run.Diagnostics);
        Assert.Equal(5, run.Result.GeneratedSources.Count(s => s.HintName.EndsWith(".Kernels.Portable.g.cs", StringComparison.Ordinal)));
        Assert.Equal(
            names.Select(n => n[..^"Kernels".Length] + ".g.cs").Order(StringComparer.Ordinal),
            run.Result.GeneratedSources.Select(s => s.HintName).Where(h => !h.Contains(".Kernels.", StringComparison.Ordinal) && h != "Cce.LossRegistry.g.cs").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TheRegistryListsTheLossesCodeElsewhereCanName()
    {
        GeneratorRun run = GeneratorRun.Of("""
            using Cce;

            namespace Shop
            {
                [CatalogLoss(Negatives = 7, HiddenSize = 8)]
                public partial class Visible;

                internal partial class Holder
                {
                    [CatalogLoss(Negatives = 7, HiddenSize = 8)]
                    internal partial class Nested;

                    [CatalogLoss(Negatives = 7, HiddenSize = 8)]
                    private partial class Hidden;
                }

                public partial class Generic<T>
                {
                    [CatalogLoss(Negatives = 7, HiddenSize = 8)]
                    public partial class InGeneric;
                }
            }
            """);

        Assert.Empty(run.Diagnostics);
        string registry = run.Result.GeneratedSources.Single(s => s.HintName == "Cce.LossRegistry.g.cs").SourceText.ToString();
        Assert.Contains("Cce::LossEntry.Of<global::Shop.Visible>()", registry, StringComparison.Ordinal);
        Assert.Contains("Cce::LossEntry.Of<global::Shop.Holder.Nested>()", registry, StringComparison.Ordinal);
        Assert.DoesNotContain("Hidden", registry, StringComparison.Ordinal);
        Assert.DoesNotContain("InGeneric", registry, StringComparison.Ordinal);
    }

    private static LossModel SingleModel(string source)
    {
        GeneratorRun run = GeneratorRun.Of("using Cce;\n\n" + source);
        Assert.Empty(run.Diagnostics);
        return Assert.Single(run.Models);
    }
}
