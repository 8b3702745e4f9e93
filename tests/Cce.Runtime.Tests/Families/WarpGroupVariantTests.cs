using Cce.Runtime.Tests.Infrastructure;
using Cce.Runtime.Tests.Tuning;
using Cce.Tuning;
using Cce.Verification;
using Xunit;

namespace Cce.Runtime.Tests.Families;

/// <summary>A full-catalog loss whose first (default) candidate is a warpgroup tile, with an mma.sync one after it.</summary>
[CatalogLoss(Scheme = NegativeScheme.FullCatalog, HiddenSize = 64, Element = ElementType.Float16)]
[MatrixTile(Rows = 128, Items = 64, DStep = 64, Warps = 8, Stages = 2, WarpGroups = true)]
[MatrixTile(Rows = 64, Items = 64, DStep = 64, Warps = 4, Stages = 2)]
public sealed partial class WarpGroupFirstLoss;

/// <summary>A full-catalog loss with warpgroup candidates only.</summary>
[CatalogLoss(Scheme = NegativeScheme.FullCatalog, HiddenSize = 64, Element = ElementType.BFloat16)]
[MatrixTile(Rows = 128, Items = 128, DStep = 64, Warps = 8, Stages = 2, WarpGroups = true)]
public sealed partial class WarpGroupOnlyLoss;

/// <summary>
/// How the warpgroup (Hopper-only) variants are kept off devices that cannot run them: the untuned default, the tuner,
/// the verification suite and a fixed plan, on the CPU accelerator, which runs none of them.
/// </summary>
[Collection("cpu")]
public sealed class WarpGroupVariantTests(CpuDeviceFixture fixture) : IDisposable
{
    private readonly TempCache temp = new();

    private CceDevice Device => fixture.Device;

    [Fact]
    public void WarpGroupVariantsNeedSm90aAndRunNowhereElse()
    {
        LossEntry loss = LossEntry.Of<WarpGroupFirstLoss>();
        KernelVariant warpGroups = loss.Variants[0], mmaSync = loss.Variants[1];

        Assert.Equal("m128n64k64w8s2wg", warpGroups.Name);
        Assert.StartsWith("sm_90a", warpGroups.RequiredArchitecture, StringComparison.Ordinal);
        Assert.False(warpGroups.RunsOn(Device));
        Assert.False(warpGroups.EmulatedOnCpu);
        Assert.Null(mmaSync.RequiredArchitecture);
        Assert.True(mmaSync.RunsOn(Device));
    }

    [Fact]
    public void AFixedPlanOnADeviceThatCannotRunItSaysWhatItNeeds()
    {
        LossEntry loss = LossEntry.Of<WarpGroupFirstLoss>();

        var refused = Assert.Throws<NotSupportedException>(() => loss.Create(Device, KernelPlan.Fixed(loss.Variants[0])));

        Assert.Contains("m128n64k64w8s2wg", refused.Message, StringComparison.Ordinal);
        Assert.Contains("sm_90a", refused.Message, StringComparison.Ordinal);
        Assert.Contains("compute capability 9.0", refused.Message, StringComparison.Ordinal);
        Assert.Contains("CPU accelerator", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheUntunedDefaultIsTheFirstCandidateThatRunsOnTheDevice()
    {
        LossEntry loss = LossEntry.Of<WarpGroupFirstLoss>();
        TuningOptions options = new() { Policy = TunePolicy.Off, TuneOnCpu = true, Cache = temp.Cache };

        KernelPlan plan = LossFactory.Plan(loss, Device, options);

        Assert.Same(loss.Variants[1], loss.DefaultOn(Device));
        Assert.True(plan.IsFixed);
        Assert.Same(loss.Variants[1], plan.Initial);
    }

    [Fact]
    public void TheTunerTimesOnlyTheCandidatesTheDeviceRuns()
    {
        LossEntry loss = LossEntry.Of<WarpGroupFirstLoss>();
        IReadOnlyList<KernelVariant>? timed = null;
        TuningOptions options = new()
        {
            Policy = TunePolicy.Auto,
            TuneOnCpu = true,
            Cache = temp.Cache,
            Runners = (_, _, variants, _) =>
            {
                timed = variants;
                return new ScriptedRunner([.. variants.Select(_ => new ScriptedCandidate(1.0))]);
            },
        };

        TuningReport report = LossTuner.Tune(loss, Device, 4, 37, options);

        Assert.Equal([loss.Variants[1]], timed);
        Assert.Equal(loss.Variants[1].Tile, report.Entry.Pick);
    }

    [Fact]
    public void ALossWhoseCandidatesAllRunIsItsOwnRunningEntry()
    {
        LossEntry loss = LossEntry.Of<TinyTuneLoss>();

        Assert.Same(loss, loss.RunningOn(Device));
    }

    [Fact]
    public void ALossThatRunsNothingOnTheDeviceSaysSo()
    {
        LossEntry loss = LossEntry.Of<WarpGroupOnlyLoss>();

        var refused = Assert.Throws<NotSupportedException>(() => loss.RunningOn(Device));

        Assert.Contains(nameof(WarpGroupOnlyLoss), refused.Message, StringComparison.Ordinal);
        Assert.Contains("sm_90a", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSuiteSkipsWhatTheDeviceCannotRunAndSaysSo()
    {
        LossEntry loss = LossEntry.Of<WarpGroupOnlyLoss>();
        var skipped = new List<VerificationSkip>();
        var results = new List<VerificationResult>();

        VerificationSuite.Run([loss], Device, [KernelLayout.Warp], null, new Random(1), results.Add, workers: 1, skipped: skipped.Add);

        Assert.Empty(results);
        VerificationSkip skip = Assert.Single(skipped);
        Assert.Equal(nameof(WarpGroupOnlyLoss), skip.Loss);
        Assert.Equal("m128n128k64w8s2wg", skip.Variant);
        Assert.Contains("sm_90a", skip.Reason, StringComparison.Ordinal);
    }

    public void Dispose() => temp.Dispose();
}
