using Cce.Runtime.Tests.Infrastructure;
using Cce.Verification;
using Cce.Verification.Losses;
using Xunit;
using Xunit.Abstractions;

namespace Cce.Runtime.Tests.Losses;

/// <summary>
/// Every loss of the verification suite (scheme × element type × correction × reduction, K = 1, fp32 dH) against
/// the fp64 reference on the CPU accelerator, each operation on fresh random inputs with poisoned outputs.
/// </summary>
[Collection("cpu")]
public sealed class LossMatrixTests(CpuDeviceFixture fixture, ITestOutputHelper output)
{
    /// <summary>Names of every loss of the suite.</summary>
    public static TheoryData<string> AllLosses() => new(VerificationLosses.All.Select(e => e.ShortName));

    /// <summary>
    /// The losses whose warp-layout kernels also run here. On the CPU accelerator every shuffle is a barrier of all
    /// threads, so the warp layout costs far more than the portable one; corrections and reductions only change scalars
    /// around the shuffles, which the portable matrix covers. Kept: one loss of every (element type, D, tile), which
    /// meets each lane layout the suite's hidden sizes were chosen for (several items per warp, guarded lanes, several
    /// chunks per lane); every K = 1 and fp32-dH loss; and the explicit and popularity schemes with K > 1 in each element type.
    /// </summary>
    public static TheoryData<string> WarpLosses()
    {
        IEnumerable<LossEntry> geometries = VerificationLosses.All
            .GroupBy(e => (e.Description.Element, e.Description.HiddenSize, Tiles: string.Join(",", e.Variants.Select(v => v.Tile))))
            .Select(g => g.First());
        IEnumerable<LossEntry> special = VerificationLosses.All.Where(e =>
            e.Description.Negatives == 1
            || e.Description.HiddenGradient == GradientPrecision.Float32
            || (e.Description.Scheme == NegativeScheme.Explicit && e.Description.Reduction == LossReduction.Mean && e.Description.Correction == LogQCorrection.None)
            || (e.Description.Scheme == NegativeScheme.Popularity && e.Description.Reduction == LossReduction.Mean && e.Description.Correction == LogQCorrection.LogQ));
        return new(geometries.Union(special).Where(e => e.Variants.Any(RunsHere)).Select(e => e.ShortName));
    }

    [Theory]
    [MemberData(nameof(AllLosses))]
    public void PortableKernelsMatchTheReference(string loss)
    {
        LossEntry entry = Find(loss);
        AssertPassed(entry, entry.Portable, VerificationCase.Standard);
    }

    [Theory]
    [MemberData(nameof(WarpLosses))]
    public void WarpKernelsMatchTheReference(string loss)
    {
        // The case whose rows fill no tile evenly: it reaches partial groups, the shuffles and the shared-memory logits.
        LossEntry entry = Find(loss);
        VerificationCase oddRows = VerificationCase.Standard.Single(c => c.Name == "odd-rows");
        foreach (KernelVariant variant in entry.Variants.Where(RunsHere))
        {
            AssertPassed(entry, variant, [oddRows]);
        }
    }

    /// <summary>
    /// Whether a variant is checked here: the matrix-unit kernels are emulated lane by lane, far too slowly, and the
    /// warpgroup kernels need a Hopper GPU; `cce verify` checks both on a GPU.
    /// </summary>
    private static bool RunsHere(KernelVariant variant) => !variant.EmulatedOnCpu && variant.RequiredArchitecture is null;

    private static LossEntry Find(string loss) => VerificationLosses.All.Single(e => e.ShortName == loss);

    private void AssertPassed(LossEntry entry, KernelVariant variant, IEnumerable<VerificationCase> cases)
    {
        var data = new RandomData(output);
        var results = new List<VerificationResult>();
        using CatalogLoss loss = entry.Create(fixture.Device, KernelPlan.Fixed(variant));
        foreach (VerificationCase shape in cases)
        {
            results.AddRange(LossVerifier.Verify(loss, entry.ShortName, variant, shape, data.Random.Next()));
        }

        foreach (VerificationResult result in results)
        {
            output.WriteLine(Describe(result));
        }

        Assert.NotEmpty(results);
        VerificationResult[] failed = results.Where(r => !r.Passed).ToArray();
        Assert.True(failed.Length == 0, $"{data}: {failed.Length} of {results.Count} results failed:\n{string.Join("\n", failed.Select(Describe))}");
    }

    private static string Describe(VerificationResult r) =>
        $"{r.Loss} {r.Variant} {r.Case} {r.Operation} (input seed {r.Seed}): loss {Error(r.LossError)}, lse {Error(r.LseError)}, " +
        $"dH {Error(r.GradHiddenError)}, dW {Error(r.GradItemsError)}{(r.Passed ? string.Empty : $" FAILED: {r.Failure}")}";

    private static string Error(double? error) => error is double e ? e.ToString("E2", System.Globalization.CultureInfo.InvariantCulture) : "-";
}
