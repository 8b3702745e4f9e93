using Cce.Kernels;
using Cce.Runtime.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Cce.Runtime.Tests.Kernels;

public sealed class UniformSamplerTests(ITestOutputHelper output)
{
    // Upper and lower 1e-6 quantiles of the standard normal: the chi-square bounds below never flake in practice.
    private const double Z = 4.753424;

    [Fact]
    public void IsAPureFunctionOfItsArguments()
    {
        var data = new RandomData(output);
        ulong seed = (ulong)data.Random.NextInt64();
        ulong step = (ulong)data.Random.NextInt64();
        for (int i = 0; i < 1000; i++)
        {
            int row = data.Random.Next(1 << 20);
            int slot = data.Random.Next(4096);
            int catalog = data.Random.Next(1, int.MaxValue);
            int first = UniformSampler.Draw(seed, step, row, slot, catalog);
            int second = UniformSampler.Draw((uint)seed, (uint)(seed >> 32), (uint)step, (uint)(step >> 32), row, slot, catalog);
            Assert.Equal(first, second);
            Assert.Equal(first, UniformSampler.Draw(seed, step, row, slot, catalog));
        }
    }

    [Theory]
    [InlineData(7919)]
    [InlineData(1_431_655_766)]
    [InlineData(int.MaxValue)]
    [InlineData(1)]
    public void FollowsTheDocumentedDefinition(int catalog)
    {
        var data = new RandomData(output);
        int rejected = 0;
        for (int i = 0; i < 20_000; i++)
        {
            ulong seed = (ulong)data.Random.NextInt64();
            ulong step = (ulong)data.Random.NextInt64();
            int row = data.Random.Next();
            int slot = data.Random.Next();
            int expected = SamplerSpecification.Draw(seed, step, row, slot, catalog, out int attempts);
            rejected += attempts > 1 ? 1 : 0;
            Assert.Equal(expected, UniformSampler.Draw(seed, step, row, slot, catalog));
        }

        output.WriteLine($"V = {catalog}: {rejected} of 20000 draws needed more than one attempt.");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(1000)]
    [InlineData(50_000)]
    [InlineData(int.MaxValue)]
    public void StaysInRange(int catalog)
    {
        var data = new RandomData(output);
        var seen = new HashSet<int>();
        for (int i = 0; i < 20_000; i++)
        {
            int index = UniformSampler.Draw((ulong)data.Random.NextInt64(), (ulong)i, data.Random.Next(), data.Random.Next(4096), catalog);
            Assert.InRange(index, 0, catalog - 1);
            seen.Add(index);
        }

        if (catalog <= 3)
        {
            Assert.Equal(catalog, seen.Count);
        }
    }

    [Theory]
    [InlineData(1000)]
    [InlineData(7919)]
    public void IsUniformOverACatalogThatIsNotAPowerOfTwo(int catalog)
    {
        var data = new RandomData(output);
        ulong seed = (ulong)data.Random.NextInt64();
        var counts = new long[catalog];
        long draws = 0;
        for (ulong step = 0; step < 4; step++)
        {
            for (int row = 0; row < 250; row++)
            {
                for (int slot = 0; slot < 500; slot++)
                {
                    counts[UniformSampler.Draw(seed, step, row, slot, catalog)]++;
                    draws++;
                }
            }
        }

        AssertChiSquareFits(counts, draws, data);
    }

    [Fact]
    public void RejectionKeepsAFrequentlyRejectingCatalogUniform()
    {
        // V = ⌈2^32 / 3⌉: (2^32 − V) mod V = V − 2, so about a third of first attempts is rejected.
        const int catalog = 1_431_655_766;
        var data = new RandomData(output);
        ulong seed = (ulong)data.Random.NextInt64();
        var thirds = new long[3];
        long draws = 0;
        long rejected = 0;
        for (int row = 0; row < 300; row++)
        {
            for (int slot = 0; slot < 1000; slot++)
            {
                int index = UniformSampler.Draw(seed, 7, row, slot, catalog);
                Assert.InRange(index, 0, catalog - 1);
                thirds[(int)(index / ((catalog + 2L) / 3))]++;
                draws++;
                SamplerSpecification.Draw(seed, 7, row, slot, catalog, out int attempts);
                rejected += attempts > 1 ? 1 : 0;
            }
        }

        output.WriteLine($"thirds {string.Join(", ", thirds)}; {rejected} of {draws} draws rejected at least once");
        Assert.InRange(rejected / (double)draws, 0.32, 0.35);

        // Chi-square with 2 degrees of freedom: P(X > x) = exp(−x/2), so 27.6 is the 1e-6 upper quantile.
        double statistic = 0;
        foreach (long count in thirds)
        {
            double expected = draws / 3.0;
            statistic += (count - expected) * (count - expected) / expected;
        }

        Assert.True(statistic < 27.6, $"chi-square {statistic:F1} over thirds {string.Join(", ", thirds)}; {data}");
    }

    [Fact]
    public void DifferentSeedsStepsRowsAndSlotsGiveDifferentStreams()
    {
        var data = new RandomData(output);
        ulong seed = (ulong)data.Random.NextInt64();
        ulong step = (ulong)data.Random.NextInt64();
        int[] baseline = Stream(seed, step, 3, 0);

        // 256 draws over 2^31 − 1 items: two independent streams agree in a slot with probability ~2^-31.
        AssertMostlyDifferent(baseline, Stream(seed ^ 1, step, 3, 0), "seed low word");
        AssertMostlyDifferent(baseline, Stream(seed ^ (1UL << 32), step, 3, 0), "seed high word");
        AssertMostlyDifferent(baseline, Stream(seed, step ^ 1, 3, 0), "step low word");
        AssertMostlyDifferent(baseline, Stream(seed, step ^ (1UL << 32), 3, 0), "step high word");
        AssertMostlyDifferent(baseline, Stream(seed, step, 4, 0), "row");
        AssertMostlyDifferent(baseline, Stream(seed, step, 3, 256), "slot");

        int[] Stream(ulong s, ulong t, int row, int firstSlot) =>
            Enumerable.Range(firstSlot, 256).Select(slot => UniformSampler.Draw(s, t, row, slot, int.MaxValue)).ToArray();

        void AssertMostlyDifferent(int[] a, int[] b, string what)
        {
            int equal = a.Zip(b).Count(pair => pair.First == pair.Second);
            Assert.True(equal <= 1, $"changing the {what} left {equal} of 256 draws unchanged; {data}");
        }
    }

    [Theory]
    [InlineData(5)]
    [InlineData(1_431_655_766)]
    public void BlockEqualsFourDraws(int catalog)
    {
        var data = new RandomData(output);
        for (int i = 0; i < 2000; i++)
        {
            uint seedLo = (uint)data.Random.NextInt64(), seedHi = (uint)data.Random.NextInt64();
            uint stepLo = (uint)data.Random.NextInt64(), stepHi = (uint)data.Random.NextInt64();
            int row = data.Random.Next();
            int group = data.Random.Next(1 << 20);
            U4 block = UniformSampler.Block(seedLo, seedHi, stepLo, stepHi, row, group, catalog);
            int[] draws = [.. Enumerable.Range(0, 4).Select(w => UniformSampler.Draw(seedLo, seedHi, stepLo, stepHi, row, (4 * group) + w, catalog))];
            Assert.Equal(draws, new[] { (int)block.X, (int)block.Y, (int)block.Z, (int)block.W });
        }
    }

    private static void AssertChiSquareFits(long[] counts, long draws, RandomData data)
    {
        int degrees = counts.Length - 1;
        double expected = draws / (double)counts.Length;
        double statistic = counts.Sum(count => (count - expected) * (count - expected) / expected);

        // Wilson–Hilferty: (X/k)^(1/3) is close to normal with mean 1 − 2/(9k) and variance 2/(9k).
        double spread = Math.Sqrt(2.0 / (9 * degrees));
        double upper = degrees * Math.Pow(1 - (2.0 / (9 * degrees)) + (Z * spread), 3);
        double lower = degrees * Math.Pow(1 - (2.0 / (9 * degrees)) - (Z * spread), 3);
        Assert.True(
            statistic > lower && statistic < upper,
            $"chi-square {statistic:F1} with {degrees} degrees of freedom outside ({lower:F1}, {upper:F1}); {data}");
    }
}
