using Cce.Kernels;
using ILGPU;
using ILGPU.Runtime;

namespace Cce;

/// <summary>The device buffers of one built catalog distribution: the alias table, log q and q.</summary>
internal sealed class AliasTable : IDisposable
{
    private readonly MemoryBuffer1D<int, Stride1D.Dense> table;
    private readonly MemoryBuffer1D<float, Stride1D.Dense> logProbability;
    private readonly MemoryBuffer1D<double, Stride1D.Dense> probability;

    public AliasTable(Accelerator accelerator, int catalog)
    {
        Catalog = catalog;
        table = accelerator.Allocate1D<int>(2L * catalog);
        try
        {
            logProbability = accelerator.Allocate1D<float>(catalog);
            probability = accelerator.Allocate1D<double>(catalog);
        }
        catch
        {
            table.Dispose();
            logProbability?.Dispose();
            throw;
        }
    }

    public int Catalog { get; }

    /// <summary>2·V ints: threshold and alias of each bucket (see <see cref="AliasSampler"/>).</summary>
    public ArrayView<int> Table => table.View;

    /// <summary>log q_j in fp32, −∞ where q_j = 0.</summary>
    public ArrayView<float> LogProbability => logProbability.View;

    /// <summary>q_j in double.</summary>
    public ArrayView<double> Probability => probability.View;

    public void Dispose()
    {
        table.Dispose();
        logProbability.Dispose();
        probability.Dispose();
    }
}

/// <summary>
/// Runs the <see cref="AliasTableKernels"/> on one accelerator: validation first (read back, so a bad input
/// throws before anything is built), then the whole construction queued on the default stream.
/// </summary>
internal sealed class AliasTableBuilder
{
    private readonly Accelerator accelerator;
    private readonly Action<Index1D, ArrayView<float>, int, ArrayView<int>> validate;
    private readonly Action<Index1D, ArrayView<float>, int, double, ArrayView<int>, ArrayView<double>, ArrayView<double>, ArrayView<int>> weigh;
    private readonly Action<Index1D, ArrayView<double>, ArrayView<double>, ArrayView<int>, int, ArrayView<double>, ArrayView<int>> total;
    private readonly Action<Index1D, int, ArrayView<double>, ArrayView<double>, ArrayView<float>, ArrayView<long>> measure;
    private readonly Action<Index1D, ArrayView<long>, int, ArrayView<long>> classify;
    private readonly Action<Index1D, ArrayView<long>, int, ArrayView<long>, ArrayView<int>, ArrayView<long>> settle;
    private readonly Action<Index1D, ArrayView<long>, int, ArrayView<long>, ArrayView<int>, ArrayView<int>, ArrayView<long>> compact;
    private readonly Action<Index1D, ArrayView<long>, int, ArrayView<int>, ArrayView<int>, ArrayView<long>, ArrayView<int>> pair;

    public AliasTableBuilder(Accelerator accelerator)
    {
        this.accelerator = accelerator;
        validate = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, int, ArrayView<int>>(AliasTableKernels.Validate);
        weigh = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<float>, int, double, ArrayView<int>, ArrayView<double>, ArrayView<double>, ArrayView<int>>(
            AliasTableKernels.Weigh);
        total = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<double>, ArrayView<double>, ArrayView<int>, int, ArrayView<double>, ArrayView<int>>(
            AliasTableKernels.Total);
        measure = accelerator.LoadAutoGroupedStreamKernel<Index1D, int, ArrayView<double>, ArrayView<double>, ArrayView<float>, ArrayView<long>>(AliasTableKernels.Measure);
        classify = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<long>, int, ArrayView<long>>(AliasTableKernels.Classify);
        settle = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<long>, int, ArrayView<long>, ArrayView<int>, ArrayView<long>>(AliasTableKernels.Settle);
        compact = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<long>, int, ArrayView<long>, ArrayView<int>, ArrayView<int>, ArrayView<long>>(
            AliasTableKernels.Compact);
        pair = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<long>, int, ArrayView<int>, ArrayView<int>, ArrayView<long>, ArrayView<int>>(
            AliasTableKernels.Pair);
    }

    /// <summary>
    /// Builds the distribution of <paramref name="counts"/> (V = <paramref name="catalog"/> elements on this
    /// accelerator) raised to <paramref name="exponent"/>, into new buffers that the caller owns.
    /// </summary>
    /// <param name="counts">The counts; exceptions name the argument <c>counts</c>.</param>
    /// <param name="catalog">V, 1 ≤ V ≤ <see cref="AliasSampler.CatalogLimit"/>, checked by the caller.</param>
    /// <param name="exponent">α, finite and ≥ 0, checked by the caller.</param>
    /// <param name="masses">When given (V elements), receives the integer masses m_j the table realises.</param>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, NaN or infinite.</exception>
    /// <exception cref="ArgumentException">Every weight is zero (all counts zero with α &gt; 0).</exception>
    public AliasTable Build(ArrayView<float> counts, int catalog, double exponent, long[]? masses = null)
    {
        AcceleratorStream stream = accelerator.DefaultStream;
        int segments = AliasTableKernels.Segments(catalog);
        using MemoryBuffer1D<int, Stride1D.Dense> status = accelerator.Allocate1D<int>(AliasTableKernels.StatusLength);
        var header = new int[AliasTableKernels.StatusLength];
        header[AliasTableKernels.StatusInvalidItem] = int.MaxValue;
        status.View.CopyFromCPU(stream, header);
        validate(segments, counts, catalog, status.View);
        status.View.CopyToCPU(stream, header);
        stream.Synchronize();
        Check(counts, catalog, exponent, header);

        var built = new AliasTable(accelerator, catalog);
        try
        {
            using MemoryBuffer1D<double, Stride1D.Dense> segmentSums = accelerator.Allocate1D<double>(2L * segments);
            using MemoryBuffer1D<int, Stride1D.Dense> segmentHeaviest = accelerator.Allocate1D<int>(segments);
            using MemoryBuffer1D<double, Stride1D.Dense> weightSum = accelerator.Allocate1D<double>(1);
            using MemoryBuffer1D<long, Stride1D.Dense> mass = accelerator.Allocate1D<long>(catalog);
            weigh(segments, counts, catalog, exponent, status.View, built.Probability, segmentSums.View, segmentHeaviest.View);
            total(1, built.Probability, segmentSums.View, segmentHeaviest.View, segments, weightSum.View, status.View);
            measure(segments, catalog, weightSum.View, built.Probability, built.LogProbability, mass.View);
            Pair(mass.View, catalog, status.View, built.Table);
            if (masses is not null)
            {
                mass.View.CopyToCPU(stream, masses);
            }

            stream.Synchronize();
            return built;
        }
        catch
        {
            built.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Builds only the table for given integer masses (Σ m = V · 2^31 exactly), for tests of the pairing on mass
    /// vectors that weights rarely produce; q and log q are left unset.
    /// </summary>
    public AliasTable BuildFromMasses(ReadOnlySpan<long> masses)
    {
        int catalog = masses.Length;
        long sum = 0;
        foreach (long m in masses)
        {
            if (m < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(masses), m, "Expected non-negative masses.");
            }

            sum += m;
        }

        if (catalog < 1 || sum != catalog * AliasTableKernels.Unit)
        {
            throw new ArgumentException($"Expected masses summing to V · 2^31 = {catalog * AliasTableKernels.Unit}; got {sum}.", nameof(masses));
        }

        AcceleratorStream stream = accelerator.DefaultStream;
        var built = new AliasTable(accelerator, catalog);
        try
        {
            using MemoryBuffer1D<int, Stride1D.Dense> status = accelerator.Allocate1D<int>(AliasTableKernels.StatusLength);
            using MemoryBuffer1D<long, Stride1D.Dense> mass = accelerator.Allocate1D<long>(catalog);
            status.View.CopyFromCPU(stream, new int[AliasTableKernels.StatusLength]);
            mass.View.CopyFromCPU(stream, masses);
            Pair(mass.View, catalog, status.View, built.Table);
            stream.Synchronize();
            return built;
        }
        catch
        {
            built.Dispose();
            throw;
        }
    }

    private static void Check(ArrayView<float> counts, int catalog, double exponent, int[] header)
    {
        int invalid = header[AliasTableKernels.StatusInvalidItem];
        if (invalid != int.MaxValue)
        {
            var value = new float[1];
            counts.SubView(invalid, 1).CopyToCPU(counts.GetAccelerator().DefaultStream, value);
            counts.GetAccelerator().DefaultStream.Synchronize();
            throw new ArgumentOutOfRangeException(
                nameof(counts), value[0], $"Expected every count finite and >= 0; counts[{invalid}] is {value[0]} (the first such item).");
        }

        if (exponent != 0.0 && header[AliasTableKernels.StatusLargestCount] == 0)
        {
            throw new ArgumentException(
                $"Expected at least one positive count (every weight count^{exponent} is zero otherwise); got {catalog} counts that are all zero.", nameof(counts));
        }
    }

    /// <summary>From masses to table: classify, settle the remainder, scan, compact and pair.</summary>
    private void Pair(ArrayView<long> mass, int catalog, ArrayView<int> status, ArrayView<int> table)
    {
        int segments = AliasTableKernels.Segments(catalog);
        using MemoryBuffer1D<long, Stride1D.Dense> segmentStats = accelerator.Allocate1D<long>((long)AliasTableKernels.SegmentFields * segments);
        using MemoryBuffer1D<int, Stride1D.Dense> items = accelerator.Allocate1D<int>(catalog);
        using MemoryBuffer1D<long, Stride1D.Dense> prefix = accelerator.Allocate1D<long>(catalog + 2L);
        classify(segments, mass, catalog, segmentStats.View);
        settle(1, mass, catalog, segmentStats.View, status, prefix.View);
        compact(segments, mass, catalog, segmentStats.View, status, items.View, prefix.View);
        pair(segments, mass, catalog, status, items.View, prefix.View, table);

        // The scratch buffers are freed on leaving: wait for the kernels that use them.
        accelerator.DefaultStream.Synchronize();
    }
}
