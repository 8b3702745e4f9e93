using System.Runtime.CompilerServices;
using Cce.Gen.Tests.Infrastructure;
using Xunit;

namespace Cce.Gen.Tests;

/// <summary>Representative inputs: the generated files must match their baselines and compile with the input.</summary>
public sealed class SnapshotTests
{
    [Fact]
    public void Float32UniformPerRowWithTwoCandidates() => Verify("""
        using Cce;

        namespace Shop.Recommenders;

        [SampledSoftmaxLoss(Scheme = NegativeScheme.UniformPerRow, Negatives = 255, HiddenSize = 128,
                            Element = ElementType.Float32, Correction = LogQCorrection.LogQ)]
        [TileCandidate(Warps = 4, RowsPerGroup = 8, ItemsInFlight = 2)]
        [TileCandidate(Warps = 8, RowsPerGroup = 16, ItemsInFlight = 4)]
        public partial class CatalogLoss;
        """);

    [Fact]
    public void BFloat16ExplicitWithDefaultCandidates() => Verify("""
        using Cce;

        namespace Shop.Recommenders;

        [SampledSoftmaxLoss(Scheme = NegativeScheme.Explicit, Negatives = 2047, HiddenSize = 256,
                            Element = ElementType.BFloat16, Correction = LogQCorrection.Paper,
                            Reduction = LossReduction.Sum, HiddenGradient = GradientPrecision.Float32)]
        public partial class ExplicitLoss;
        """);

    [Fact]
    public void NestedInPartialTypes() => Verify("""
        using Cce;

        namespace Shop.Training;

        public static partial class Models<TKey>
        {
            internal partial struct Heads
            {
                [SampledSoftmaxLoss(Negatives = 63, HiddenSize = 64, Element = ElementType.Float16)]
                [TileCandidate(Warps = 2, RowsPerGroup = 4, ItemsInFlight = 1)]
                public sealed partial class NextItemLoss;
            }
        }
        """);

    [Fact]
    public void GlobalNamespace() => Verify("""
        using Cce;

        [SampledSoftmaxLoss(Negatives = 127, HiddenSize = 32, IgnoreIndex = -1)]
        internal partial class GlobalLoss;
        """);

    private static void Verify(string source, [CallerMemberName] string testName = "")
    {
        GeneratorRun run = GeneratorRun.Of(source);

        Assert.Empty(run.Diagnostics);
        Assert.NotEmpty(run.Result.GeneratedSources);
        Baselines.Match(testName, run.Result.GeneratedSources.ToDictionary(s => s.HintName, s => s.SourceText.ToString()));
        Assert.Empty(run.CompilerErrors);
    }
}
