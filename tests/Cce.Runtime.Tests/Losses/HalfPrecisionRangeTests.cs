using Cce.Runtime.Tests.Infrastructure;
using Cce.Verification;
using Cce.Verification.Losses;
using Xunit;
using Xunit.Abstractions;

namespace Cce.Runtime.Tests.Losses;

/// <summary>
/// fp16's range in the matrix-unit kernels: at the sizes users run, a row's share of the gradient (1/N for a mean) times
/// a probability (about 1/V) lies below fp16's smallest subnormal, so P must not enter the matrix units unscaled. A small
/// upstream puts g·p there at a size the CPU accelerator emulates in seconds.
/// </summary>
[Collection("cpu")]
public sealed class HalfPrecisionRangeTests(CpuDeviceFixture fixture, ITestOutputHelper output)
{
    // g ≈ 2^-20 and p ≈ 1/40: g·p ≈ 2e-8, under fp16's smallest subnormal (6e-8), where every negative term vanished.
    private static readonly VerificationCase SmallUpstream = new("small-upstream", 19, 40, 0.1, 0.0, 0.0) { UpstreamScale = 1.0 / (1 << 20) };

    [Fact]
    public void MatrixUnitKernelsKeepTermsBelowTheSmallestSubnormal()
    {
        LossEntry entry = VerificationLosses.All.Single(e => e.ShortName == nameof(FullCatalogF16Fp32GradLoss));
        KernelVariant variant = entry.Variants.First(v => v.EmulatedOnCpu);
        var data = new RandomData(output);
        using CatalogLoss loss = entry.Create(fixture.Device, KernelPlan.Fixed(variant));

        IReadOnlyList<VerificationResult> results = LossVerifier.Verify(loss, entry.ShortName, variant, SmallUpstream, data.Random.Next());

        Assert.Equal(3, results.Count);
        Assert.All(results, r => Assert.True(r.Passed, $"{data}: {variant.Tile} {r.Operation}: {r.Failure}"));
    }
}
