using Cce.Kernels;
using Cce.Runtime.Tests.Infrastructure;
using ILGPU;
using ILGPU.Backends.EntryPoints;
using ILGPU.Backends.PTX;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;
using Xunit;
using Xunit.Abstractions;

namespace Cce.Runtime.Tests.Kernels;

/// <summary>The alias draw against its documented definition, on the host alone.</summary>
public sealed class AliasSamplerTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(1)]
    [InlineData(997)]
    [InlineData(858_993_460)] // 2^32 = 5V − 4: (2^32 − V) mod V = V − 4, so a fifth of first attempts is rejected.
    [InlineData(AliasSampler.CatalogLimit)]
    public void BucketAndCoinFollowTheDocumentedDefinition(int catalog)
    {
        var data = new RandomData(output);
        int rejected = 0;
        const int Draws = 20_000;
        for (int i = 0; i < Draws; i++)
        {
            ulong seed = (ulong)data.Random.NextInt64();
            ulong step = (ulong)data.Random.NextInt64();
            int row = data.Random.Next();
            int slot = data.Random.Next();
            (int bucket, uint coin, int attempts) = Specification(seed, step, row, slot, catalog);
            rejected += attempts > 1 ? 1 : 0;
            AliasSampler.Pick pick = AliasSampler.Choose((uint)seed, (uint)(seed >> 32), (uint)step, (uint)(step >> 32), row, slot, catalog);
            Assert.Equal(bucket, pick.Bucket);
            Assert.Equal(coin, pick.Coin);
        }

        output.WriteLine($"V = {catalog}: {rejected} of {Draws} draws needed more than one attempt.");
        if (catalog == 858_993_460)
        {
            Assert.InRange(rejected / (double)Draws, 0.18, 0.22);
        }
    }

    [Fact]
    public void DrawFollowsTheDocumentedDefinition()
    {
        var data = new RandomData(output);
        const int Catalog = 997;
        var table = new int[2 * Catalog];
        for (int b = 0; b < Catalog; b++)
        {
            // Thresholds over the whole range, the ends included; the draw needs no consistent table.
            long threshold = (b % 5) switch { 0 => 0, 1 => AliasReference.Unit, _ => data.Random.NextInt64(AliasReference.Unit + 1) };
            table[2 * b] = unchecked((int)threshold);
            table[(2 * b) + 1] = data.Random.Next(Catalog);
        }

        int aliased = 0;
        for (int i = 0; i < 20_000; i++)
        {
            ulong seed = (ulong)data.Random.NextInt64();
            ulong step = (ulong)data.Random.NextInt64();
            int row = data.Random.Next();
            int slot = data.Random.Next();
            (int bucket, uint coin, _) = Specification(seed, step, row, slot, Catalog);
            bool keeps = (coin >> 1) < (uint)table[2 * bucket];
            int expected = keeps ? bucket : table[(2 * bucket) + 1];
            aliased += keeps ? 0 : 1;
            Assert.Equal(expected, AliasSampler.Draw(seed, step, row, slot, table));
        }

        output.WriteLine($"{aliased} of 20000 draws took the alias.");
    }

    [Fact]
    public void KeysStayApartFromTheUniformSampler()
    {
        // The uniform sampler keys attempt b with seedHi ^ (b · step), this one attempt a with seedHi ^ tweak ^ (a · step):
        // they share a key only if tweak = (a · step) ^ (b · step).
        var uniformKeys = new HashSet<uint>();
        for (uint b = 0; b < 4096; b++)
        {
            uniformKeys.Add(unchecked(b * UniformSampler.AttemptKeyStep));
        }

        for (uint a = 0; a < 4096; a++)
        {
            Assert.DoesNotContain(AliasSampler.KeyTweak ^ unchecked(a * UniformSampler.AttemptKeyStep), uniformKeys);
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(7)]
    public void HostDrawRejectsATableThatIsNotPairs(int length)
    {
        var table = new int[length];
        ArgumentException error = Assert.Throws<ArgumentException>(() => AliasSampler.Draw(1, 2, 3, 4, table));
        Assert.Equal("table", error.ParamName);
        Assert.Contains($"got {length} ints", error.Message, StringComparison.Ordinal);
    }

    /// <summary>The definition of the class remarks, written out independently of the implementation.</summary>
    internal static (int Bucket, uint Coin, int Attempts) Specification(ulong seed, ulong step, int row, int slot, int catalog)
    {
        uint seedLo = (uint)seed;
        uint key1 = (uint)(seed >> 32) ^ 0xA54FF53Au;
        var counter = new U4((uint)slot, (uint)row, (uint)step, (uint)(step >> 32));
        U4 first = Philox.Generate(counter, seedLo, key1);
        ulong v = (uint)catalog;
        ulong threshold = ((1UL << 32) - v) % v;
        for (uint attempt = 0; ; attempt++)
        {
            U4 block = attempt == 0 ? first : Philox.Generate(counter, seedLo, key1 ^ unchecked(attempt * 0x9E3779B9u));
            ulong m = block.X * v;
            if ((m & 0xFFFFFFFFUL) >= threshold)
            {
                return ((int)(m >> 32), first.Y, (int)attempt + 1);
            }
        }
    }
}

/// <summary>The alias draw on ILGPU's CPU accelerator and its distribution over a built table.</summary>
[Collection("cpu")]
public sealed class AliasSamplerDeviceTests(CpuDeviceFixture fixture, ITestOutputHelper output)
{
    // Upper and lower 1e-6 quantiles of the standard normal: the chi-square bounds below never flake in practice.
    private const double Z = 4.753424;

    [Fact]
    public void CpuAcceleratorDrawsWhatTheHostDraws()
    {
        var data = new RandomData(output);
        ulong seed = (ulong)data.Random.NextInt64();
        ulong step = (ulong)data.Random.NextInt64();
        const int Rows = 32;
        const int Slots = AliasSamplerKernel.Slots;
        using CatalogDistribution distribution = CatalogDistribution.FromCounts(fixture.Device, AliasReference.Counts("zipf", 997, data.Random), 0.75);
        int[] table = distribution.TableToHost();
        Accelerator accelerator = fixture.Device.Accelerator;
        var kernel = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<int>, ArrayView<int>, uint, uint, uint, uint, int>(AliasSamplerKernel.Sample);
        using MemoryBuffer1D<int, Stride1D.Dense> draws = accelerator.Allocate1D<int>(Rows * Slots);

        kernel(Rows * Slots, draws.View, distribution.Table, (uint)seed, (uint)(seed >> 32), (uint)step, (uint)(step >> 32), distribution.Catalog);
        int[] device = draws.GetAsArray1D();

        for (int row = 0; row < Rows; row++)
        {
            for (int slot = 0; slot < Slots; slot++)
            {
                Assert.Equal(AliasSampler.Draw(seed, step, row, slot, table), device[(row * Slots) + slot]);
            }
        }
    }

    [Fact]
    public void CpuAcceleratorTakesTheRejectionPathLikeTheHost()
    {
        // A catalog too large for a table in a test, where a fifth of first attempts is rejected.
        const int Catalog = 858_993_460;
        const int Count = 4096;
        var data = new RandomData(output);
        ulong seed = (ulong)data.Random.NextInt64();
        ulong step = (ulong)data.Random.NextInt64();
        Accelerator accelerator = fixture.Device.Accelerator;
        var kernel = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<int>, ArrayView<uint>, uint, uint, uint, uint, int>(AliasSamplerKernel.Choose);
        using MemoryBuffer1D<int, Stride1D.Dense> buckets = accelerator.Allocate1D<int>(Count);
        using MemoryBuffer1D<uint, Stride1D.Dense> coins = accelerator.Allocate1D<uint>(Count);

        kernel(Count, buckets.View, coins.View, (uint)seed, (uint)(seed >> 32), (uint)step, (uint)(step >> 32), Catalog);
        int[] deviceBuckets = buckets.GetAsArray1D();
        uint[] deviceCoins = coins.GetAsArray1D();

        int rejected = 0;
        for (int i = 0; i < Count; i++)
        {
            (int bucket, uint coin, int attempts) = AliasSamplerTests.Specification(seed, step, i / AliasSamplerKernel.Slots, i % AliasSamplerKernel.Slots, Catalog);
            rejected += attempts > 1 ? 1 : 0;
            Assert.Equal(bucket, deviceBuckets[i]);
            Assert.Equal(coin, deviceCoins[i]);
        }

        output.WriteLine($"{rejected} of {Count} device draws were rejected at least once.");
        Assert.True(rejected > 0);
    }

    [Fact]
    public void DrawsFollowASkewedDistributionWithZeros()
    {
        // V = 997 (not a power of two), Zipf counts with every 7th item at zero, smoothed with α = 0.75.
        const int Catalog = 997;
        var data = new RandomData(output);
        using CatalogDistribution distribution = CatalogDistribution.FromCounts(fixture.Device, AliasReference.Counts("zipf", Catalog, data.Random), 0.75);
        int[] table = distribution.TableToHost();
        double[] q = distribution.Probabilities();
        ulong seed = (ulong)data.Random.NextInt64();
        var counts = new long[Catalog];
        long draws = 0;
        for (ulong step = 0; step < 4; step++)
        {
            for (int row = 0; row < 1000; row++)
            {
                for (int slot = 0; slot < 500; slot++)
                {
                    counts[AliasSampler.Draw(seed, step, row, slot, table)]++;
                    draws++;
                }
            }
        }

        double statistic = 0;
        int cells = 0;
        for (int j = 0; j < Catalog; j++)
        {
            if (q[j] == 0)
            {
                Assert.True(counts[j] == 0, $"item {j} has q = 0 but was drawn {counts[j]} times; {data}");
                continue;
            }

            double expected = draws * q[j];
            statistic += (counts[j] - expected) * (counts[j] - expected) / expected;
            cells++;
        }

        Assert.Equal(Catalog - (Catalog / 7), cells);
        output.WriteLine($"smallest expected count {draws * q.Where(p => p > 0).Min():F0}; chi-square {statistic:F1} over {cells} cells");

        // Wilson–Hilferty: (X/k)^(1/3) is close to normal with mean 1 − 2/(9k) and variance 2/(9k).
        int degrees = cells - 1;
        double spread = Math.Sqrt(2.0 / (9 * degrees));
        double upper = degrees * Math.Pow(1 - (2.0 / (9 * degrees)) + (Z * spread), 3);
        double lower = degrees * Math.Pow(1 - (2.0 / (9 * degrees)) - (Z * spread), 3);
        Assert.True(
            statistic > lower && statistic < upper,
            $"chi-square {statistic:F1} with {degrees} degrees of freedom outside ({lower:F1}, {upper:F1}); {data}");
    }

    [Fact]
    public void CompilesToPtxWithoutDoublePrecisionOrLocalMemory()
    {
        using var backend = new PTXBackend(
            fixture.Device.Context, new CudaCapabilityContext(CudaArchitecture.SM_90), CudaArchitecture.SM_90, CudaInstructionSet.ISA_88, null);
        var entry = EntryPointDescription.FromImplicitlyGroupedKernel(typeof(AliasSamplerKernel).GetMethod(nameof(AliasSamplerKernel.Sample))!);
        string ptx = ((PTXCompiledKernel)backend.Compile(entry, KernelSpecialization.Empty)).PTXAssembly;

        Assert.DoesNotContain(".f64", ptx, StringComparison.Ordinal);
        Assert.DoesNotContain(".local", ptx, StringComparison.Ordinal);
    }
}
