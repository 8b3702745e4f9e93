using Cce.Kernels;
using Cce.Reference;
using Cce.Runtime.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Cce.Runtime.Tests.Losses;

public sealed class ReferenceLossTests(ITestOutputHelper output)
{
    private const int Ignore = -100;
    private const int Rows = 6;
    private const int Hidden = 5;
    private const int Catalog = 7;
    private const int Negatives = 6;

    public static TheoryData<LossReduction, NegativeScheme, LogQCorrection> GradientCases()
    {
        var cases = new TheoryData<LossReduction, NegativeScheme, LogQCorrection>();
        foreach (LossReduction reduction in Enum.GetValues<LossReduction>())
        {
            cases.Add(reduction, NegativeScheme.Explicit, LogQCorrection.None);
            cases.Add(reduction, NegativeScheme.Explicit, LogQCorrection.Paper);
            cases.Add(reduction, NegativeScheme.UniformPerRow, LogQCorrection.LogQ);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(GradientCases))]
    public void GradientsMatchCentralDifferencesOfTheLoss(LossReduction reduction, NegativeScheme scheme, LogQCorrection correction)
    {
        // A catalog of 7 with 6 negatives per row makes accidental hits and duplicates common in both schemes.
        var data = new RandomData(output);
        LossDescription description = Describe(Negatives, scheme, correction, reduction);
        double[] hidden = data.Uniform(Rows * Hidden, 1.0);
        double[] items = data.Uniform(Catalog * Hidden, 1.0);
        int[] targets = data.Targets(Rows, Catalog, Ignore);
        int[] explicitNegatives = data.Negatives(targets, Negatives, Catalog);
        ulong seed = (ulong)data.Random.NextInt64();
        Func<int, int, int> negative = scheme == NegativeScheme.UniformPerRow
            ? (row, slot) => UniformSampler.Draw(seed, 3, row, slot, Catalog)
            : (row, slot) => explicitNegatives[(row * Negatives) + slot];
        double upstream = 0.5 + data.Random.NextDouble();
        double[]? perRow = reduction == LossReduction.None ? data.Uniform(Rows, 2.0) : null;

        double Objective()
        {
            ReferenceResult r = ReferenceLoss.Compute(description, hidden, items, targets, negative, Catalog, upstream, perRow);
            return perRow is null ? upstream * r.Loss : r.RowLoss.Select((loss, n) => loss * perRow[n]).Sum();
        }

        ReferenceResult result = ReferenceLoss.Compute(description, hidden, items, targets, negative, Catalog, upstream, perRow);
        AssertMatchesDifferences(hidden, result.GradHidden, Objective, "dH", data);
        AssertMatchesDifferences(items, result.GradItems, Objective, "dW", data);
    }

    [Fact]
    public void AccidentalHitsAreMaskedInBothPasses()
    {
        var data = new RandomData(output);
        double[] hidden = data.Uniform(Hidden, 1.0);
        double[] items = data.Uniform(Catalog * Hidden, 1.0);
        int[] targets = [2];

        ReferenceResult withHit = ReferenceLoss.Compute(Describe(2), hidden, items, targets, new[] { 2, 5 }, Catalog);
        ReferenceResult withoutHit = ReferenceLoss.Compute(Describe(1), hidden, items, targets, new[] { 5 }, Catalog);

        AssertClose(withoutHit.Lse, withHit.Lse, "lse", data);
        AssertClose(withoutHit.RowLoss, withHit.RowLoss, "row loss", data);
        AssertClose(withoutHit.GradHidden, withHit.GradHidden, "dH", data);
        AssertClose(withoutHit.GradItems, withHit.GradItems, "dW", data);
    }

    [Fact]
    public void IgnoredRowsContributeNothingEvenWhenNotFinite()
    {
        var data = new RandomData(output);
        double[] hidden = data.Uniform(3 * Hidden, 1.0);
        double[] items = data.Uniform(Catalog * Hidden, 1.0);
        int[] targets = [1, 4, 6];
        int[] negatives = data.Negatives(targets, 2, Catalog);

        // The same rows with an ignored row before, between and after them, its hidden state full of NaN.
        int[] order = [-1, 0, 1, -1, 2, -1];
        double[] paddedHidden = order.SelectMany(n => n < 0 ? Enumerable.Repeat(double.NaN, Hidden) : hidden.Skip(n * Hidden).Take(Hidden)).ToArray();
        int[] paddedTargets = order.Select(n => n < 0 ? Ignore : targets[n]).ToArray();
        int[] paddedNegatives = order.SelectMany(n => n < 0 ? new[] { 3, 3 } : negatives.Skip(n * 2).Take(2)).ToArray();

        foreach (LossReduction reduction in Enum.GetValues<LossReduction>())
        {
            LossDescription description = Describe(2, reduction: reduction);
            ReferenceResult plain = ReferenceLoss.Compute(description, hidden, items, targets, negatives, Catalog);
            ReferenceResult padded = ReferenceLoss.Compute(description, paddedHidden, items, paddedTargets, paddedNegatives, Catalog);

            Assert.Equal(3, padded.ValidRows);
            Assert.True(Math.Abs(plain.Loss - padded.Loss) < 1e-14, $"{reduction}: loss {padded.Loss} vs {plain.Loss}; {data}");
            AssertClose(plain.GradItems, padded.GradItems, $"{reduction} dW", data);
            for (int i = 0; i < order.Length; i++)
            {
                double[] rowGradient = padded.GradHidden.AsSpan(i * Hidden, Hidden).ToArray();
                if (order[i] < 0)
                {
                    Assert.Equal(0.0, padded.RowLoss[i]);
                    Assert.Equal(0.0, padded.Lse[i]);
                    Assert.All(rowGradient, value => Assert.Equal(0.0, value));
                }
                else
                {
                    AssertClose(plain.GradHidden.AsSpan(order[i] * Hidden, Hidden).ToArray(), rowGradient, $"{reduction} dH row {i}", data);
                }
            }
        }
    }

    [Fact]
    public void DuplicateNegativesAccumulate()
    {
        var data = new RandomData(output);
        double[] h = data.Uniform(Hidden, 1.0);
        double[] items = data.Uniform(Catalog * Hidden, 1.0);
        double Score(int item) => h.Select((value, i) => value * items[(item * Hidden) + i]).Sum();

        ReferenceResult result = ReferenceLoss.Compute(Describe(3, reduction: LossReduction.Sum), h, items, [0], new[] { 4, 4, 6 }, Catalog);

        double lse = Math.Log(Math.Exp(Score(0)) + (2 * Math.Exp(Score(4))) + Math.Exp(Score(6)));
        Assert.Equal(lse, result.Lse[0], 12);
        Assert.Equal(lse - Score(0), result.Loss, 12);
        double p4 = Math.Exp(Score(4) - lse);
        AssertClose(h.Select(value => 2 * p4 * value).ToArray(), result.GradItems.AsSpan(4 * Hidden, Hidden).ToArray(), "dW[4]", data);
    }

    [Fact]
    public void NonFiniteInputsPropagateNaNIntoTheLoss()
    {
        var data = new RandomData(output);
        double[] hidden = data.Uniform(3 * Hidden, 1.0);
        double[] items = data.Uniform(Catalog * Hidden, 1.0);
        int[] targets = [1, 4, 6];
        int[] negatives = data.Negatives(targets, 2, Catalog);
        hidden[Hidden + 2] = double.NaN;

        ReferenceResult nanHidden = ReferenceLoss.Compute(Describe(2), hidden, items, targets, negatives, Catalog);
        Assert.True(double.IsNaN(nanHidden.Loss), $"loss {nanHidden.Loss}; {data}");
        Assert.True(double.IsNaN(nanHidden.RowLoss[1]));
        Assert.True(double.IsFinite(nanHidden.RowLoss[0]) && double.IsFinite(nanHidden.RowLoss[2]));

        hidden[Hidden + 2] = 0.25;
        items[(6 * Hidden) + 1] = double.PositiveInfinity;
        hidden[(2 * Hidden) + 1] = 0.5;
        ReferenceResult infiniteItem = ReferenceLoss.Compute(Describe(2, reduction: LossReduction.Sum), hidden, items, targets, negatives, Catalog);
        Assert.True(double.IsNaN(infiniteItem.Loss), $"loss {infiniteItem.Loss}; {data}");
    }

    [Fact]
    public void MeanIsTheAverageOverValidRowsAndSumTheTotal()
    {
        var data = new RandomData(output);
        double[] hidden = data.Uniform(Rows * Hidden, 1.0);
        double[] items = data.Uniform(Catalog * Hidden, 1.0);
        int[] targets = data.Targets(Rows, Catalog, Ignore, 0.4);
        int[] negatives = data.Negatives(targets, Negatives, Catalog);

        ReferenceResult mean = ReferenceLoss.Compute(Describe(Negatives), hidden, items, targets, negatives, Catalog);
        ReferenceResult sum = ReferenceLoss.Compute(Describe(Negatives, reduction: LossReduction.Sum), hidden, items, targets, negatives, Catalog);

        Assert.Equal(targets.Count(t => t != Ignore), mean.ValidRows);
        Assert.Equal(mean.RowLoss.Sum() / mean.ValidRows, mean.Loss, 12);
        Assert.Equal(sum.RowLoss.Sum(), sum.Loss, 12);
        AssertClose(sum.GradItems.Select(g => g / sum.ValidRows).ToArray(), mean.GradItems, "mean dW = sum dW / count", data);
    }

    [Fact]
    public void RejectsBadInputNamingTheArgument()
    {
        double[] hidden = new double[2 * Hidden];
        double[] items = new double[Catalog * Hidden];
        LossDescription description = Describe(1);

        Assert.Equal("targets", Assert.ThrowsAny<ArgumentException>(() => ReferenceLoss.Compute(description, hidden, items, [0, Catalog], new[] { 1, 1 }, Catalog)).ParamName);
        Assert.Equal("negatives", Assert.ThrowsAny<ArgumentException>(() => ReferenceLoss.Compute(description, hidden, items, [0, 1], new[] { 1, -1 }, Catalog)).ParamName);
        Assert.Equal("negatives", Assert.ThrowsAny<ArgumentException>(() => ReferenceLoss.Compute(description, hidden, items, [0, 1], new[] { 1 }, Catalog)).ParamName);
        Assert.Equal("negative", Assert.ThrowsAny<ArgumentException>(() => ReferenceLoss.Compute(description, hidden, items, [0, 1], (_, _) => Catalog, Catalog)).ParamName);
        Assert.Equal("hidden", Assert.ThrowsAny<ArgumentException>(() => ReferenceLoss.Compute(description, new double[3], items, [0, 1], new[] { 1, 1 }, Catalog)).ParamName);
        Assert.Equal("items", Assert.ThrowsAny<ArgumentException>(() => ReferenceLoss.Compute(description, hidden, new double[3], [0, 1], new[] { 1, 1 }, Catalog)).ParamName);
        Assert.Equal("upstream", Assert.ThrowsAny<ArgumentException>(() => ReferenceLoss.Compute(description, hidden, items, [0, 1], new[] { 1, 1 }, Catalog, double.NaN)).ParamName);
        Assert.Equal("upstreamPerRow", Assert.ThrowsAny<ArgumentException>(() => ReferenceLoss.Compute(description, hidden, items, [0, 1], new[] { 1, 1 }, Catalog, 1.0, [1.0, 1.0])).ParamName);
    }

    [Fact]
    public void WidensStoredValuesExactly()
    {
        Assert.Equal(new[] { 0.1f, -3e-8f }.Select(v => (double)v), ReferenceConversion.ToDouble([0.1f, -3e-8f]));
        Assert.Equal(new[] { (double)(Half)0.1f, 65504.0 }, ReferenceConversion.ToDouble([(Half)0.1f, Half.MaxValue]));
        Assert.Equal(new[] { 0.10009765625, -2.0 }, ReferenceConversion.ToDouble([(BFloat16)0.1f, (BFloat16)(-2f)]));
    }

    private static LossDescription Describe(
        int negatives,
        NegativeScheme scheme = NegativeScheme.Explicit,
        LogQCorrection correction = LogQCorrection.None,
        LossReduction reduction = LossReduction.Mean) =>
        new(scheme, negatives, Hidden, ElementType.Float32, correction, reduction, Ignore, GradientPrecision.Input);

    private static void AssertMatchesDifferences(double[] parameters, double[] gradient, Func<double> objective, string what, RandomData data)
    {
        const double step = 1e-5;
        for (int i = 0; i < parameters.Length; i++)
        {
            double saved = parameters[i];
            parameters[i] = saved + step;
            double up = objective();
            parameters[i] = saved - step;
            double down = objective();
            parameters[i] = saved;
            double numeric = (up - down) / (2 * step);
            Assert.True(
                Math.Abs(numeric - gradient[i]) <= 1e-8 + (1e-6 * Math.Abs(numeric)),
                $"{what}[{i}]: analytic {gradient[i]:R}, central difference {numeric:R}; {data}");
        }
    }

    private static void AssertClose(double[] expected, double[] actual, string what, RandomData data)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-14 + (1e-12 * Math.Abs(expected[i])), $"{what}[{i}]: {actual[i]:R} vs {expected[i]:R}; {data}");
        }
    }
}
