using Cce.Runtime.Tests.Infrastructure;
using Cce.Tuning.Cache;
using Cce.Tuning;
using Xunit;

namespace Cce.Runtime.Tests.Tuning;

/// <summary>Policies, cache hits and misses, and per-bucket selection, with scripted timings on the CPU accelerator.</summary>
[Collection("cpu")]
public sealed class TunedSelectionTests(CpuDeviceFixture fixture) : IDisposable
{
    private readonly TempCache temp = new();
    private int runs;

    private CceDevice Device => fixture.Device;

    [Fact]
    public void OffNeverTimes()
    {
        TuningOptions options = Options(TunePolicy.Off) with { PlanFile = Path.Combine(temp.Root, "plan.txt") };

        KernelPlan plan = LossFactory.Plan<TinyTuneLoss>(Device, options);
        KernelVariant chosen = plan.For(Device, 4, 37);

        LossEntry loss = LossEntry.Of<TinyTuneLoss>();
        Assert.Equal(loss.Tiles[loss.DefaultVariant], chosen.Tile);
        Assert.Equal(0, runs);
        Assert.Empty(temp.Cache.List());
    }

    [Fact]
    public void TheCpuUsesThePortableKernelsUntunedUnlessAsked()
    {
        TuningOptions options = Options(TunePolicy.Auto) with { TuneOnCpu = false };

        KernelPlan plan = LossFactory.Plan<TinyTuneLoss>(Device, options);

        Assert.True(plan.IsFixed);
        Assert.Same(LossEntry.Of<TinyTuneLoss>().Portable, plan.Initial);
    }

    [Fact]
    public void AMissTunesAndStoresThenTheSameKeyHitsWithoutTiming()
    {
        LossEntry loss = LossEntry.Of<TinyTuneLoss>();
        TuningEnvironment environment = Environment(Device.Fingerprint);

        TuningReport first = LossTuner.Tune(Device, environment, loss, 4, 37, Options(TunePolicy.Auto));
        TuningReport second = LossTuner.Tune(Device, environment, loss, 4, 37, Options(TunePolicy.Auto) with { Cache = temp.Open() });

        Assert.False(first.FromCache);
        Assert.True(second.FromCache);
        Assert.Equal(1, runs);
        Assert.Equal(new PerRowTile(2, 2, 2), second.Entry.Pick);
        Assert.Equal(first.Entry.Results, second.Entry.Results);
    }

    [Fact]
    public void ForceRetimesEvenOnAHit()
    {
        LossEntry loss = LossEntry.Of<TinyTuneLoss>();
        TuningEnvironment environment = Environment(Device.Fingerprint);

        LossTuner.Tune(Device, environment, loss, 4, 37, Options(TunePolicy.Auto));
        TuningReport forced = LossTuner.Tune(Device, environment, loss, 4, 37, Options(TunePolicy.Force));
        TuningReport again = LossTuner.Tune(Device, environment, loss, 4, 37, Options(TunePolicy.Force));

        Assert.False(forced.FromCache);
        Assert.False(again.FromCache);
        Assert.Equal(3, runs);
    }

    [Fact]
    public void AChangedFingerprintMissesAndRetunesAndRestoringItHitsAgain()
    {
        LossEntry loss = LossEntry.Of<TinyTuneLoss>();
        TuningEnvironment original = Environment(Device.Fingerprint);
        TuningEnvironment otherDriver = Environment(Device.Fingerprint with { DriverVersion = "99.9" });

        LossTuner.Tune(Device, original, loss, 4, 37, Options(TunePolicy.Auto));
        TuningReport changed = LossTuner.Tune(Device, otherDriver, loss, 4, 37, Options(TunePolicy.Auto));
        TuningReport restored = LossTuner.Tune(Device, original, loss, 4, 37, Options(TunePolicy.Auto));

        Assert.False(changed.FromCache);
        Assert.True(restored.FromCache);
        Assert.Equal(2, runs);
    }

    [Fact]
    public void EachBucketIsSelectedOnceAtItsFirstCallAndRecordedInThePlan()
    {
        string plan = Path.Combine(temp.Root, "plan.txt");
        TuningOptions options = Options(TunePolicy.Auto) with { PlanFile = plan };
        var selector = new KernelSelector(Device, LossEntry.Of<TinyTuneLoss>().Description, LossFactory.Plan<TinyTuneLoss>(Device, options));

        LoadedKernels first = selector.For(4, 37);
        LoadedKernels again = selector.For(4, 37);
        Assert.Equal(1, runs);
        Assert.Same(first, again);

        selector.For(5, 37);
        selector.For(4, 37);
        Assert.Equal(2, runs);
        Assert.Equal(new PerRowTile(2, 2, 2), selector.Tile);

        string name = typeof(TinyTuneLoss).FullName!;
        Assert.Equal([new ShapePlanEntry(name, 4, 37), new ShapePlanEntry(name, 5, 37)], ShapePlan.Read(plan));
    }

    public void Dispose() => temp.Dispose();

    private static TuningEnvironment Environment(DeviceFingerprint device) => TuningEnvironment.For(device, TimingPlan.Default.PolicyId);

    /// <summary>Options on the temp cache whose runner is scripted (the second candidate is fastest) and counted.</summary>
    private TuningOptions Options(TunePolicy policy) => new()
    {
        Policy = policy,
        TuneOnCpu = true,
        Cache = temp.Cache,
        Runners = (_, _, variants, _) =>
        {
            Interlocked.Increment(ref runs);
            return new ScriptedRunner([.. variants.Select((_, i) => new ScriptedCandidate(i == 1 ? 1.0 : 2.0))]);
        },
    };
}
