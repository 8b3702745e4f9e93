using Cce.Runtime.Tests.Infrastructure;
using Cce.Verification;
using Cce.Verification.Losses;
using Xunit;
using Xunit.Abstractions;

namespace Cce.Runtime.Tests.Losses;

/// <summary>
/// The shared-set schemes' tensor-core kernels, emulated lane by lane on the CPU accelerator at a size it runs in
/// seconds: a group's gathered slots, the per-row masks (accidental hits; in-batch the row's own slot, duplicates and
/// ignored peers), the corrections, the positive outside the set and the scatter of dW, against the fp64 reference.
/// </summary>
[Collection("cpu")]
public sealed class SharedSetTileTests(CpuDeviceFixture fixture, ITestOutputHelper output)
{
    // 19 rows: groups of 16 leave a short second group; 40 items: duplicates among the positives. The emulation costs
    // minutes per loss on two cores, so one suite loss runs here (in-batch: the gather, the masks, LogQ per column, the
    // positive and the scatter are the shared-uniform loss's too, whose draws the portable tests and `cce verify` cover).
    private static readonly VerificationCase Small = new("small", 19, 40, 0.15, 0.0, 0.0);

    [Fact]
    public void TensorCoreKernelsMatchTheReference()
    {
        LossEntry entry = VerificationLosses.All.Single(e => e.ShortName == nameof(InBatchF16LogQSumLoss));
        KernelVariant variant = entry.Variants.First(v => v.EmulatedOnCpu);
        var data = new RandomData(output);
        using CatalogLoss loss = entry.Create(fixture.Device, KernelPlan.Fixed(variant));

        IReadOnlyList<VerificationResult> results = LossVerifier.Verify(loss, entry.ShortName, variant, Small, data.Random.Next());

        Assert.Equal(3, results.Count);
        Assert.All(results, r => Assert.True(r.Passed, $"{data}: {variant.Tile} {r.Operation}: {r.Failure}"));
    }

    [Fact]
    public void SlotRingWrapsAroundItsStages()
    {
        // 70 slots in tiles of 16 are 5 tiles through a ring of 4; 12 rows of 20 items: accidental hits in every row.
        VerifyRing<SharedRingTestLoss>(new VerificationCase("ring", 12, 20, 0.1, 0.0, 0.0));
    }

    [Fact]
    public void InBatchSlotRingWrapsAroundItsStages()
    {
        // 70 rows are 70 slots (5 tiles through a ring of 4), their items read from the targets; 30 items: duplicates.
        VerifyRing<InBatchRingTestLoss>(new VerificationCase("ring", 70, 30, 0.1, 0.0, 0.0));
    }

    private void VerifyRing<TLoss>(VerificationCase ring)
        where TLoss : CatalogLoss, ILossKernels<TLoss>
    {
        KernelVariant variant = LossEntry.Of<TLoss>().Variants.Single(v => v.EmulatedOnCpu);
        var data = new RandomData(output);

        IReadOnlyList<VerificationResult> results = LossVerifier.Verify<TLoss>(fixture.Device, variant, ring, data.Random.Next());

        Assert.Equal(3, results.Count);
        Assert.All(results, r => Assert.True(r.Passed, $"{data}: {typeof(TLoss).Name} {variant.Tile} {r.Operation}: {r.Failure}"));
    }
}
