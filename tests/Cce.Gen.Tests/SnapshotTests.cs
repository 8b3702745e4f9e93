using System.Runtime.CompilerServices;
using System.Text;
using Cce.Gen.SourceGenerators;
using Cce.Gen.Tests.Infrastructure;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace Cce.Gen.Tests;

/// <summary>Representative inputs: the generated files must match their baselines and compile with the input.</summary>
public sealed class SnapshotTests
{
    [Fact]
    public Task Float32UniformPerRowWithTwoCandidates() => VerifyAsync("""
        using Cce;

        namespace Shop.Recommenders;

        [CatalogLoss(Scheme = NegativeScheme.UniformPerRow, Negatives = 255, HiddenSize = 128,
                            Element = ElementType.Float32, Correction = LogQCorrection.LogQ)]
        [PerRowTile(Warps = 4, RowsPerGroup = 8, ItemsInFlight = 2)]
        [PerRowTile(Warps = 8, RowsPerGroup = 16, ItemsInFlight = 4)]
        public partial class CatalogLoss;
        """);

    [Fact]
    public Task BFloat16ExplicitWithDefaultCandidates() => VerifyAsync("""
        using Cce;

        namespace Shop.Recommenders;

        [CatalogLoss(Scheme = NegativeScheme.Explicit, Negatives = 2047, HiddenSize = 256,
                            Element = ElementType.BFloat16, Correction = LogQCorrection.Paper,
                            Reduction = LossReduction.Sum, HiddenGradient = GradientPrecision.Float32)]
        public partial class ExplicitLoss;
        """);

    [Fact]
    public Task BFloat16FullCatalog() => VerifyAsync("""
        using Cce;

        namespace Shop.Recommenders;

        [CatalogLoss(Scheme = NegativeScheme.FullCatalog, HiddenSize = 64, Element = ElementType.BFloat16)]
        [MatrixTile(Rows = 64, Items = 64, DStep = 32, Warps = 4, Stages = 2)]
        public sealed partial class FullLoss;
        """);

    [Fact]
    public Task BFloat16FullCatalogWarpGroups() => VerifyAsync("""
        using Cce;

        namespace Shop.Recommenders;

        [CatalogLoss(Scheme = NegativeScheme.FullCatalog, HiddenSize = 64, Element = ElementType.BFloat16, GradientFilter = 2.44140625e-4f)]
        [MatrixTile(Rows = 128, Items = 64, DStep = 64, Warps = 8, Stages = 2, WarpGroups = true)]
        public sealed partial class HopperLoss;
        """);

    [Fact]
    public Task Float16InBatchWarpGroups() => VerifyAsync("""
        using Cce;

        namespace Shop.Recommenders;

        [CatalogLoss(Scheme = NegativeScheme.InBatch, GroupRows = 4096, HiddenSize = 64, Element = ElementType.Float16, Correction = LogQCorrection.LogQ)]
        [MatrixTile(Rows = 128, Items = 64, DStep = 64, Warps = 8, Stages = 2, WarpGroups = true)]
        public sealed partial class InBatchLoss;
        """);

    [Fact]
    public Task Float16FullCatalogWithGradientFilter() => VerifyAsync("""
        using Cce;

        namespace Shop.Recommenders;

        [CatalogLoss(Scheme = NegativeScheme.FullCatalog, HiddenSize = 64, Element = ElementType.Float16, GradientFilter = 2.44140625e-4f)]
        [MatrixTile(Rows = 32, Items = 32, DStep = 32, Warps = 2, Stages = 2)]
        public sealed partial class FilteredLoss;
        """);

    [Fact]
    public Task Float32FullCatalogAsTensorFloat32() => VerifyAsync("""
        using Cce;

        namespace Shop.Recommenders;

        [CatalogLoss(Scheme = NegativeScheme.FullCatalog, HiddenSize = 64, AllowTensorFloat32 = true)]
        [MatrixTile(Rows = 32, Items = 32, DStep = 16, Warps = 2, Stages = 2)]
        public sealed partial class Tf32Loss;
        """);

    [Fact]
    public Task Float16PopularityWithLogQ() => VerifyAsync("""
        using Cce;

        namespace Shop.Recommenders;

        [CatalogLoss(Scheme = NegativeScheme.Popularity, Negatives = 127, HiddenSize = 64,
                     Element = ElementType.Float16, Correction = LogQCorrection.LogQ)]
        [PerRowTile(Warps = 4, RowsPerGroup = 8, ItemsInFlight = 2)]
        public sealed partial class PopularLoss;
        """);

    [Fact]
    public Task Float16UniformPerRowDeterministic() => VerifyAsync("""
        using Cce;

        namespace Shop.Recommenders;

        [CatalogLoss(Negatives = 255, HiddenSize = 64, Element = ElementType.Float16, Correction = LogQCorrection.Paper,
                     DeterministicGradients = true)]
        [PerRowTile(Warps = 4, RowsPerGroup = 4, ItemsInFlight = 4, Pipeline = PerRowPipeline.Sorted, LanesPerItem = 4)]
        public sealed partial class ReproducibleLoss;
        """);

    [Fact]
    public Task NestedInPartialTypes() => VerifyAsync("""
        using Cce;

        namespace Shop.Training;

        public static partial class Models<TKey>
        {
            internal partial struct Heads
            {
                [CatalogLoss(Negatives = 63, HiddenSize = 64, Element = ElementType.Float16)]
                [PerRowTile(Warps = 2, RowsPerGroup = 4, ItemsInFlight = 1)]
                public sealed partial class NextItemLoss;
            }
        }
        """);

    [Fact]
    public Task GlobalNamespace() => VerifyAsync("""
        using Cce;

        [CatalogLoss(Negatives = 127, HiddenSize = 32, IgnoreIndex = -1)]
        internal partial class GlobalLoss;
        """);

    /// <summary>
    /// Runs the input through <see cref="LossGeneratorTest"/> with the baselines as the expected generated files;
    /// when asked to, first rewrites the baselines from a plain driver run.
    /// </summary>
    private static async Task VerifyAsync(string source, [CallerMemberName] string testName = "")
    {
        if (Baselines.Update)
        {
            Baselines.Write(testName, GeneratorRun.Of(source).Result.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())));
        }

        LossGeneratorTest test = new() { TestState = { Sources = { source } } };
        foreach ((string hintName, string text) in Baselines.Read(testName))
        {
            // The generator adds its sources as UTF-8 text, and the library compares encodings too.
            test.TestState.GeneratedSources.Add((typeof(LossGenerator), hintName, SourceText.From(text, Encoding.UTF8)));
        }

        // With no expected files the library would accept a generator that stopped emitting.
        Assert.NotEmpty(test.TestState.GeneratedSources);
        await test.RunAsync();
    }
}
