using Cce.Kernels;
using ILGPU;
using ILGPU.Runtime;

namespace Cce;

/// <summary>
/// A distribution q over the item catalog for popularity negative sampling: q_j ∝ counts_j^exponent, held on a
/// device as an alias table (drawn from in O(1) per negative) and as log q (for the logQ correction).
/// </summary>
/// <remarks>
/// <para>
/// The weights are w_j = counts_j^α, computed as (counts_j / max counts)^α in double so that they stay finite for any
/// finite α (q is unchanged by the scaling): α = 1 samples by raw popularity, α = 0.75 is the usual smoothing, and
/// α = 0 is uniform over the whole catalog, zero counts included (0^0 = 1). With α &gt; 0 an item of count 0 has
/// q = 0 and is never drawn.
/// </para>
/// <para>
/// The table realises q_j rounded down to a multiple of 2^-31 / V, the remainder (under V such units) going to the
/// item of largest weight; log q is computed from the double q itself. The construction runs on the device in O(V)
/// work with a fixed summation order, so equal counts give an identical table, and it runs again only on
/// <see cref="Update(CceTensor{float})"/>. Instances are not thread-safe: do not update one while a kernel or another
/// thread reads it.
/// </para>
/// </remarks>
public sealed class CatalogDistribution : IDisposable
{
    private readonly AliasTableBuilder builder;
    private AliasTable current;
    private bool disposed;
    private bool? hasZeroProbability;

    private CatalogDistribution(CceDevice device, double exponent, AliasTableBuilder builder, AliasTable built)
    {
        Device = device;
        Exponent = exponent;
        this.builder = builder;
        current = built;
        Version = 1;
    }

    /// <summary>The device that holds the table.</summary>
    public CceDevice Device { get; }

    /// <summary>Catalog size V: the number of items.</summary>
    public int Catalog => current.Catalog;

    /// <summary>The exponent α applied to the counts.</summary>
    public double Exponent { get; }

    /// <summary>1 after the first build, incremented by every successful <see cref="Update(CceTensor{float})"/>.</summary>
    public long Version { get; private set; }

    /// <summary>The alias table, 2·V ints, laid out as <see cref="AliasSampler"/> reads it.</summary>
    internal ArrayView<int> Table => Built.Table;

    /// <summary>log q_j per item in fp32 (−∞ where q_j = 0).</summary>
    internal ArrayView<float> LogProbability => Built.LogProbability;

    /// <summary>Throws <see cref="ObjectDisposedException"/> naming <paramref name="argument"/> when the distribution or its device was disposed.</summary>
    internal void ThrowIfDisposed(string argument = "distribution")
    {
        if (disposed)
        {
            throw new ObjectDisposedException(argument, $"Expected a live catalog distribution for {argument}; the distribution was disposed.");
        }

        Device.ThrowIfDisposed(argument);
    }

    private AliasTable Built
    {
        get
        {
            ThrowIfDisposed();
            return current;
        }
    }

    /// <summary>Builds the distribution of item counts held on <paramref name="device"/>.</summary>
    /// <param name="device">The device the table is built on and used from.</param>
    /// <param name="counts">Non-negative, finite counts, one per item: a [V, 1] or [1, V] tensor on <paramref name="device"/>.</param>
    /// <param name="exponent">α: finite and ≥ 0 (1 = raw counts, 0.75 = smoothed, 0 = uniform).</param>
    /// <exception cref="ArgumentNullException"><paramref name="device"/> or <paramref name="counts"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="exponent"/> is negative or not finite, or a count is negative, NaN or infinite.
    /// </exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="counts"/> is on another device, is not a vector of 1 to 2^30 items, or is all zeros with α &gt; 0.
    /// </exception>
    public static CatalogDistribution FromCounts(CceDevice device, CceTensor<float> counts, double exponent = 1.0)
    {
        ArgumentNullException.ThrowIfNull(device);
        CheckExponent(exponent);
        int catalog = CheckCounts(counts, device, null);
        var builder = new AliasTableBuilder(device.Accelerator);
        return new CatalogDistribution(device, exponent, builder, builder.Build(counts.View, catalog, exponent));
    }

    /// <summary>Builds the distribution of item counts held on the host (uploaded, then built on <paramref name="device"/>).</summary>
    /// <param name="device">The device the table is built on and used from.</param>
    /// <param name="counts">Non-negative, finite counts, one per item (1 to 2^30 items).</param>
    /// <param name="exponent">α: finite and ≥ 0 (1 = raw counts, 0.75 = smoothed, 0 = uniform).</param>
    /// <exception cref="ArgumentNullException"><paramref name="device"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="exponent"/> is negative or not finite, or a count is negative, NaN or infinite.
    /// </exception>
    /// <exception cref="ArgumentException"><paramref name="counts"/> is empty, too long, or all zeros with α &gt; 0.</exception>
    public static CatalogDistribution FromCounts(CceDevice device, ReadOnlySpan<float> counts, double exponent = 1.0)
    {
        ArgumentNullException.ThrowIfNull(device);
        CheckExponent(exponent);
        CheckLength(counts.Length, null);
        using CceTensor<float> uploaded = device.Upload(counts, counts.Length, 1);
        return FromCounts(device, uploaded, exponent);
    }

    /// <summary>
    /// Rebuilds the table from new counts, with the same catalog size and exponent. The new table is built aside and
    /// replaces the current one only on success: when this throws, the distribution is unchanged.
    /// </summary>
    /// <param name="counts">Non-negative, finite counts: a [V, 1] or [1, V] tensor on <see cref="Device"/>, V = <see cref="Catalog"/>.</param>
    /// <exception cref="ObjectDisposedException">The distribution was disposed.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="counts"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, NaN or infinite.</exception>
    /// <exception cref="ArgumentException"><paramref name="counts"/> is on another device, has another length, or is all zeros with α &gt; 0.</exception>
    public void Update(CceTensor<float> counts)
    {
        ThrowIfDisposed();
        int catalog = CheckCounts(counts, Device, Catalog);
        Replace(builder.Build(counts.View, catalog, Exponent));
    }

    /// <summary>Rebuilds the table from new counts held on the host; see <see cref="Update(CceTensor{float})"/>.</summary>
    /// <param name="counts">Non-negative, finite counts, exactly <see cref="Catalog"/> of them.</param>
    /// <exception cref="ObjectDisposedException">The distribution was disposed.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, NaN or infinite.</exception>
    /// <exception cref="ArgumentException"><paramref name="counts"/> has another length, or is all zeros with α &gt; 0.</exception>
    public void Update(ReadOnlySpan<float> counts)
    {
        ThrowIfDisposed();
        CheckLength(counts.Length, Catalog);
        using CceTensor<float> uploaded = Device.Upload(counts, counts.Length, 1);
        Update(uploaded);
    }

    /// <summary>A host copy of q_j for every item, in double: the true distribution that log q is computed from.</summary>
    /// <exception cref="ObjectDisposedException">The distribution was disposed.</exception>
    public double[] Probabilities()
    {
        AliasTable built = Built;
        var result = new double[built.Catalog];
        built.Probability.CopyToCPU(Device.Accelerator.DefaultStream, result);
        Device.Accelerator.DefaultStream.Synchronize();
        return result;
    }

    /// <summary>A host copy of the alias table (2·V ints), for <see cref="AliasSampler"/>'s host draw and for tests.</summary>
    internal int[] TableToHost()
    {
        AliasTable built = Built;
        var result = new int[2 * built.Catalog];
        built.Table.CopyToCPU(Device.Accelerator.DefaultStream, result);
        Device.Accelerator.DefaultStream.Synchronize();
        return result;
    }

    /// <summary>A host copy of log q_j (fp32).</summary>
    internal float[] LogProbabilityToHost()
    {
        AliasTable built = Built;
        var result = new float[built.Catalog];
        built.LogProbability.CopyToCPU(Device.Accelerator.DefaultStream, result);
        Device.Accelerator.DefaultStream.Synchronize();
        return result;
    }

    /// <inheritdoc />
    public override string ToString() => $"CatalogDistribution[V = {current.Catalog}, exponent {Exponent}, version {Version}] on {Device}";

    /// <inheritdoc />
    public void Dispose()
    {
        if (!disposed)
        {
            disposed = true;
            current.Dispose();
        }
    }

    /// <summary>
    /// Whether some item has q_j = 0 (a zero count under α &gt; 0), whose log q is −∞: computed once per build from the
    /// host copy of q, for the schemes that must reject such a distribution.
    /// </summary>
    internal bool HasZeroProbability
    {
        get
        {
            hasZeroProbability ??= Array.Exists(Probabilities(), q => !(q > 0.0));
            return hasZeroProbability.Value;
        }
    }

    private void Replace(AliasTable built)
    {
        AliasTable previous = current;
        current = built;
        hasZeroProbability = null;
        Version++;
        previous.Dispose();
    }

    private static void CheckExponent(double exponent)
    {
        if (!double.IsFinite(exponent) || exponent < 0.0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(exponent), exponent, "Expected a finite exponent >= 0 (1 = raw counts, 0.75 = smoothed, 0 = uniform).");
        }
    }

    private static void CheckLength(int length, int? expected)
    {
        if (expected is int catalog && length != catalog)
        {
            throw new ArgumentException($"Expected counts with {catalog} elements (the catalog size); got {length}.", "counts");
        }

        if (length < 1 || length > AliasSampler.CatalogLimit)
        {
            throw new ArgumentException($"Expected counts with 1 to {AliasSampler.CatalogLimit} elements; got {length}.", "counts");
        }
    }

    private static int CheckCounts(CceTensor<float> counts, CceDevice device, int? expected)
    {
        ArgumentNullException.ThrowIfNull(counts);
        if (!ReferenceEquals(counts.Device, device))
        {
            throw new ArgumentException($"Expected counts on device {device.Describe()}; got a tensor on another device, {counts.Device.Describe()}.", nameof(counts));
        }

        if (counts.Rows != 1 && counts.Cols != 1)
        {
            throw new ArgumentException($"Expected counts of shape [V, 1] or [1, V]; got [{counts.Rows}, {counts.Cols}].", nameof(counts));
        }

        CheckLength(counts.Length > int.MaxValue ? int.MaxValue : (int)counts.Length, expected);

        // Reading the view here turns a disposed tensor into ObjectDisposedException before any work is queued.
        _ = counts.View;
        return (int)counts.Length;
    }
}
