using Cce.Reference;
using Cce.Runtime.Tests.Infrastructure;
using Cce.Verification;
using Cce.Verification.Losses;
using Xunit;
using Xunit.Abstractions;

namespace Cce.Runtime.Tests.Losses;

/// <summary>
/// <see cref="CatalogLossAttribute.GradientFilter"/>: the filtered gradients leave out terms (they move away from the
/// unfiltered fp64 reference by more than rounding) and stay within the slack the reference computes for them.
/// </summary>
[Collection("cpu")]
public sealed class GradientFilterTests(CpuDeviceFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public void PortableKernelsLeaveOutQualifyingTermsWithinTheSlack()
    {
        LossEntry entry = VerificationLosses.All.Single(e => e.ShortName == nameof(FullCatalogF16FilteredLoss));
        var data = new RandomData(output);
        using CatalogLoss loss = entry.Create(fixture.Device, KernelPlan.Fixed(entry.Portable));
        VerificationCase oddRows = VerificationCase.Standard.Single(c => c.Name == "odd-rows");
        IReadOnlyList<VerificationResult> results = LossVerifier.Verify(loss, entry.ShortName, entry.Portable, oddRows, data.Random.Next());
        Tolerance unfiltered = Tolerance.For(entry.Description with { GradientFilter = 0f });

        VerificationResult backward = results.Single(r => r.Operation == LossOperation.Backward);
        VerificationResult fused = results.Single(r => r.Operation == LossOperation.ForwardBackward);
        Assert.All(results, r => Assert.True(r.Passed, $"{data}: {r.Operation} {r.Failure}"));

        // Backward filters dH and dW, ForwardBackward only dW (its dH comes from the online pass).
        Assert.True(backward.GradHiddenError > unfiltered.GradHidden, $"{data}: Backward dH error {backward.GradHiddenError} shows no term left out");
        Assert.True(backward.GradItemsError > unfiltered.GradItems, $"{data}: Backward dW error {backward.GradItemsError} shows no term left out");
        Assert.True(fused.GradHiddenError <= unfiltered.GradHidden, $"{data}: ForwardBackward dH error {fused.GradHiddenError} should be unfiltered");
        Assert.True(fused.GradItemsError > unfiltered.GradItems, $"{data}: ForwardBackward dW error {fused.GradItemsError} shows no term left out");
    }

    [Fact]
    public void ReferenceSlackSumsTheMagnitudesOfTermsBelowTheThreshold()
    {
        var data = new RandomData(output);
        const int rows = 5, catalog = 7, d = 3;
        var description = new LossDescription(NegativeScheme.FullCatalog, 0, d, ElementType.Float32, LogQCorrection.None, LossReduction.Sum, -100, GradientPrecision.Input, GradientFilter: 0.1f);
        double[] hidden = Array.ConvertAll(data.Embeddings(rows * d), v => (double)v * 8);
        double[] items = Array.ConvertAll(data.Embeddings(catalog * d), v => (double)v * 8);
        int[] targets = [3, -100, 0, 6, 3];
        int[] negatives = Enumerable.Range(0, rows * catalog).Select(i => i % catalog).ToArray();

        ReferenceResult filtered = ReferenceLoss.Compute(description, hidden, items, targets, negatives, catalog);
        ReferenceResult plain = ReferenceLoss.Compute(description with { GradientFilter = 0f }, hidden, items, targets, negatives, catalog);

        Assert.Null(plain.FilterSlackHidden);
        Assert.Null(plain.FilterSlackItems);
        Assert.Equal(plain.GradHidden, filtered.GradHidden);
        var expectedHidden = new double[rows * d];
        var expectedItems = new double[catalog * d];
        int left = 0;
        for (int n = 0; n < rows; n++)
        {
            if (targets[n] < 0)
            {
                continue;
            }

            for (int j = 0; j < catalog; j++)
            {
                double p = Math.Exp(Dot(hidden, n, items, j, d) - filtered.Lse[n]);
                if (j == targets[n] || p >= 0.1 * 1.001)
                {
                    continue;
                }

                left++;
                for (int e = 0; e < d; e++)
                {
                    expectedHidden[(n * d) + e] += Math.Abs(p * items[(j * d) + e]);
                    expectedItems[(j * d) + e] += Math.Abs(p * hidden[(n * d) + e]);
                }
            }
        }

        Assert.InRange(left, 1, (rows * catalog) - 1);
        Assert.All(expectedHidden.Zip(filtered.FilterSlackHidden!), pair => Assert.Equal(pair.First, pair.Second, 12));
        Assert.All(expectedItems.Zip(filtered.FilterSlackItems!), pair => Assert.Equal(pair.First, pair.Second, 12));
    }

    [Fact]
    public void CacheKeysAndReportsNameTheFilterOnlyWhenItIsOn()
    {
        var plain = new LossDescription(NegativeScheme.FullCatalog, 0, 64, ElementType.Float16, LogQCorrection.None, LossReduction.Mean, -100, GradientPrecision.Input);
        LossDescription filtered = plain with { GradientFilter = 2.5e-4f };

        Assert.DoesNotContain("filter", plain.CanonicalText, StringComparison.Ordinal);
        Assert.EndsWith(";filter=0.00025", filtered.CanonicalText, StringComparison.Ordinal);
        Assert.EndsWith(" filter=0.00025", filtered.ToString(), StringComparison.Ordinal);
    }

    private static double Dot(double[] a, int row, double[] b, int item, int d)
    {
        double sum = 0;
        for (int e = 0; e < d; e++)
        {
            sum += a[(row * d) + e] * b[(item * d) + e];
        }

        return sum;
    }
}
