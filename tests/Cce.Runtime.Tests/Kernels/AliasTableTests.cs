using Cce.Kernels;
using Cce.Runtime.Tests.Infrastructure;
using ILGPU.Backends.EntryPoints;
using ILGPU.Backends.PTX;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;
using Xunit;
using Xunit.Abstractions;

namespace Cce.Runtime.Tests.Kernels;

/// <summary>
/// The device construction of the alias table: every item gets exactly its integer mass, the table is the one of the
/// sequential sweep, the masses follow q, and equal counts give equal tables.
/// </summary>
[Collection("cpu")]
public sealed class AliasTableTests(CpuDeviceFixture fixture, ITestOutputHelper output)
{
    private CceDevice Device => fixture.Device;

    public static TheoryData<string, int, double> Shapes => new()
    {
        { "dominant", 997, 1.0 },
        { "zeros", 997, 0.75 },
        { "equal", 997, 1.0 },

        // (1/49) · 49 < 1 in double: every item is one unit light, and the remainder turns item 0 heavy.
        { "equal", 49, 1.0 },
        { "random", 1, 1.0 },
        { "random", 2, 0.75 },
        { "random", 997, 2.5 },
        { "zipf", 997, 0.0 },
        { "tiny", 997, 0.75 },
        { "tiny", 300, 8.0 },
        { "zipf", 200_000, 0.75 },
        { "zeros", 200_000, 1.0 },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void EveryItemGetsExactlyItsMass(string shape, int catalog, double exponent)
    {
        var data = new RandomData(output);
        float[] counts = AliasReference.Counts(shape, catalog, data.Random);
        (int[] table, long[] masses, double[] q) = Build(counts, exponent);

        Assert.Equal(catalog * AliasReference.Unit, masses.Sum());
        long[] rebuilt = AliasReference.Reconstruct(table);
        for (int j = 0; j < catalog; j++)
        {
            Assert.True(rebuilt[j] == masses[j], $"item {j}: the table gives mass {rebuilt[j]}, expected {masses[j]}; {shape}, V = {catalog}; {data}");
        }

        // The parallel pairing reproduces the sequential sweep bucket by bucket.
        Assert.Equal(AliasReference.Sweep(masses), table);

        // m_j = ⌊(q_j · V) · 2^31⌋ except for the heaviest item, which takes the small remainder; q = 0 gives m = 0.
        int heaviest = Array.IndexOf(q, q.Max());
        long remainder = masses[heaviest] - (long)(q[heaviest] * catalog * AliasReference.Unit);
        for (int j = 0; j < catalog; j++)
        {
            if (j != heaviest)
            {
                Assert.Equal((long)(q[j] * catalog * AliasReference.Unit), masses[j]);
            }

            if (q[j] == 0)
            {
                Assert.Equal(0, masses[j]);
            }
        }

        output.WriteLine($"{shape}, V = {catalog}, α = {exponent}: remainder {remainder} units to item {heaviest}; {masses.Count(m => m < AliasReference.Unit)} lights");
        Assert.InRange(remainder, -catalog, 2L * catalog);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void ProbabilitiesFollowTheDefinition(string shape, int catalog, double exponent)
    {
        var data = new RandomData(output);
        float[] counts = AliasReference.Counts(shape, catalog, data.Random);
        using CatalogDistribution distribution = CatalogDistribution.FromCounts(Device, counts, exponent);
        double[] q = distribution.Probabilities();
        float[] logQ = distribution.LogProbabilityToHost();
        double[] expected = AliasReference.Probabilities(counts, exponent);
        for (int j = 0; j < catalog; j++)
        {
            Assert.True(
                Math.Abs(q[j] - expected[j]) <= 1e-12 * expected[j] + 1e-300,
                $"q[{j}] = {q[j]:R}, expected {expected[j]:R}; {shape}, V = {catalog}, α = {exponent}; {data}");
            Assert.Equal(q[j] > 0 ? (float)Math.Log(q[j]) : float.NegativeInfinity, logQ[j]);
        }
    }

    [Fact]
    public void AdversarialMassesPairExactly()
    {
        var data = new RandomData(output);
        long unit = AliasReference.Unit;
        var cases = new List<long[]>
        {
            new[] { unit },
            new[] { unit, unit, unit },
            new[] { 5 * unit, 0, 0, 0, 0 },
            new[] { 0, 0, 0, 0, 5 * unit },
            new[] { unit + 1, unit - 1 },

            // Heavies of zero excess between others, and a heavy whose excess is smaller than the overshoot it inherits.
            new[] { 3 * unit, unit, 0, unit, unit / 2, unit + 1, unit / 2 - 1, unit },
            new[] { unit + (unit / 2), unit + 1, unit - 1, (unit / 2) - 1, unit + 1 },
        };

        for (int round = 0; round < 40; round++)
        {
            cases.Add(RandomMasses(data.Random, 1 + data.Random.Next(round < 30 ? 40 : 3000)));
        }

        var builder = new AliasTableBuilder(Device.Accelerator);
        foreach (long[] masses in cases)
        {
            using AliasTable built = builder.BuildFromMasses(masses);
            var table = new int[2 * masses.Length];
            built.Table.CopyToCPU(Device.Accelerator.DefaultStream, table);
            Device.Accelerator.DefaultStream.Synchronize();
            Assert.Equal(masses, AliasReference.Reconstruct(table));
            Assert.Equal(AliasReference.Sweep(masses), table);
        }
    }

    [Fact]
    public void EqualCountsGiveIdenticalTables()
    {
        var data = new RandomData(output);
        float[] counts = AliasReference.Counts("zipf", 50_000, data.Random);
        (int[] first, long[] firstMasses, double[] firstQ) = Build(counts, 0.75);
        (int[] second, long[] secondMasses, double[] secondQ) = Build(counts, 0.75);
        Assert.Equal(first, second);
        Assert.Equal(firstMasses, secondMasses);
        Assert.Equal(firstQ, secondQ);
    }

    [Fact]
    public void ConstructionKernelsCompileToPtx()
    {
        using var backend = new PTXBackend(
            Device.Context, new CudaCapabilityContext(CudaArchitecture.SM_90), CudaArchitecture.SM_90, CudaInstructionSet.ISA_88, null);
        string[] kernels =
        [
            nameof(AliasTableKernels.Validate), nameof(AliasTableKernels.Weigh), nameof(AliasTableKernels.Total), nameof(AliasTableKernels.Measure),
            nameof(AliasTableKernels.Classify), nameof(AliasTableKernels.Settle), nameof(AliasTableKernels.Compact), nameof(AliasTableKernels.Pair),
        ];
        foreach (string name in kernels)
        {
            var entry = EntryPointDescription.FromImplicitlyGroupedKernel(typeof(AliasTableKernels).GetMethod(name)!);
            string ptx = ((PTXCompiledKernel)backend.Compile(entry, KernelSpecialization.Empty)).PTXAssembly;
            Assert.Contains(".entry", ptx, StringComparison.Ordinal);
            output.WriteLine($"{name}: {ptx.Length} characters of PTX");
        }
    }

    private (int[] Table, long[] Masses, double[] Q) Build(float[] counts, double exponent)
    {
        using CceTensor<float> tensor = Device.Upload<float>(counts, counts.Length, 1);
        var builder = new AliasTableBuilder(Device.Accelerator);
        var masses = new long[counts.Length];
        using AliasTable built = builder.Build(tensor.View, counts.Length, exponent, masses);
        var table = new int[2 * counts.Length];
        var q = new double[counts.Length];
        built.Table.CopyToCPU(Device.Accelerator.DefaultStream, table);
        built.Probability.CopyToCPU(Device.Accelerator.DefaultStream, q);
        Device.Accelerator.DefaultStream.Synchronize();
        return (table, masses, q);
    }

    /// <summary>Integer masses summing to V · 2^31: a random mix of zeros, exact buckets and random amounts.</summary>
    private static long[] RandomMasses(Random random, int catalog)
    {
        long unit = AliasReference.Unit;
        var masses = new long[catalog];
        long left = catalog * unit;
        for (int j = 0; j < catalog; j++)
        {
            long m = random.Next(4) switch
            {
                0 => 0,
                1 => unit,
                2 => random.NextInt64(unit),
                _ => unit + random.NextInt64(3 * unit),
            };
            masses[j] = Math.Min(m, left);
            left -= masses[j];
        }

        masses[random.Next(catalog)] += left;
        return masses;
    }
}
