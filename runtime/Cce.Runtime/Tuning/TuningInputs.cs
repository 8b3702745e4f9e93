using System.Runtime.InteropServices;
using Cce.Families.PerRow;
using Cce.Kernels;
using Cce.Schemes;
using Cce.Verification;
using ILGPU.Runtime;
using ILGPU;

namespace Cce.Tuning;

/// <summary>
/// Random inputs and output buffers of one bucket's shape on the device, fresh for every tuning. Values come
/// from <see cref="SyntheticValues"/>, so the host regenerates any row on demand.
/// </summary>
internal sealed class TuningInputs : IDisposable
{
    /// <summary>Share of rows marked with the ignore index, so the skip path is timed and checked too.</summary>
    private const double IgnoredShare = 0.05;

    /// <summary>Rows uploaded at once: bounds the host staging memory for large catalogs.</summary>
    private const int UploadRows = 16_384;

    private readonly CceTensor<U4> hidden;
    private readonly CceTensor<U4> items;
    private readonly CceTensor<int> targets;
    private readonly SchemeInputs negatives;
    private readonly CceTensor<int> validRows;
    private readonly int[] hostTargets;

    public TuningInputs(CceDevice device, LossDescription description, int rows, int catalog, ulong seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(catalog, 1);
        Device = device;
        Description = description;
        Rows = rows;
        Catalog = catalog;
        Seed = seed;
        int d = description.HiddenSize;
        int k = description.Negatives;
        ElementType gradient = ElementTypes.Gradient(description);

        hostTargets = new int[rows];
        for (int n = 0; n < rows; n++)
        {
            hostTargets[n] = SyntheticValues.Chance(seed, SyntheticValues.Targets, n, IgnoredShare) && n != 0
                ? description.IgnoreIndex
                : SyntheticValues.Below(seed, SyntheticValues.Targets, n, catalog);
        }

        ValidCount = hostTargets.Count(t => t != description.IgnoreIndex);
        hidden = Upload(SyntheticValues.Hidden, rows);
        items = Upload(SyntheticValues.Items, catalog);
        targets = device.Upload<int>(hostTargets, rows, 1);
        validRows = device.Upload<int>([ValidCount], 1, 1);
        Scheme = LossScheme.For(description.Scheme);
        negatives = Scheme.Synthetic(device, new SyntheticBatch(description, rows, catalog, hostTargets, seed));
        RowLoss = device.Allocate<float>(rows, 1);
        RowLse = device.Allocate<float>(rows, 1);
        GradHidden = device.Allocate<U4>(rows, d * ElementCodec.Size(gradient) / 16);
        GradItems = device.Allocate<float>(catalog, d);
    }

    public CceDevice Device { get; }

    public LossDescription Description { get; }

    public int Rows { get; }

    public int Catalog { get; }

    public ulong Seed { get; }

    /// <summary>The runtime half of the loss's scheme.</summary>
    public LossScheme Scheme { get; }

    /// <summary>Rows whose target is not the ignore index.</summary>
    public int ValidCount { get; }

    public CceTensor<float> RowLoss { get; }

    public CceTensor<float> RowLse { get; }

    public CceTensor<U4> GradHidden { get; }

    public CceTensor<float> GradItems { get; }

    /// <summary>The target of row <paramref name="row"/>.</summary>
    public int Target(int row) => hostTargets[row];

    /// <summary>Negative <paramref name="slot"/> of <paramref name="row"/> as the kernels see it at <paramref name="step"/>.</summary>
    public int Negative(int row, int slot, ulong step) => negatives.Negative(row, slot, step);

    /// <summary>The negatives argument of a call at <paramref name="step"/>.</summary>
    public NegativeSource Source(ulong step) => negatives.Source(step);

    /// <summary>Row <paramref name="row"/> of H as the kernels read it.</summary>
    public double[] HiddenRow(int row) => HostRow(SyntheticValues.Hidden, row);

    /// <summary>Row <paramref name="item"/> of W as the kernels read it.</summary>
    public double[] ItemRow(int item) => HostRow(SyntheticValues.Items, item);

    /// <summary>
    /// One call at <paramref name="step"/>, with the correction of a catalog of <paramref name="correctionCatalog"/>
    /// items (the reference check runs on a compact catalog).
    /// </summary>
    public LossCall Call(ulong step, int correctionCatalog) => new()
    {
        Description = Description,
        Hidden = hidden.View,
        Items = items.View,
        Targets = targets.View,
        Negatives = Source(step),
        RowLoss = RowLoss.View,
        RowLse = RowLse.View,
        GradHidden = GradHidden.View,
        GradItems = GradItems.View,
        ValidRows = validRows.View,
        Rows = Rows,
        Catalog = Catalog,
        CorrectionCatalog = correctionCatalog,
        Upstream = 1f,
    };

    public void Dispose()
    {
        hidden.Dispose();
        items.Dispose();
        targets.Dispose();
        negatives.Dispose();
        validRows.Dispose();
        RowLoss.Dispose();
        RowLse.Dispose();
        GradHidden.Dispose();
        GradItems.Dispose();
    }

    private double[] HostRow(ulong stream, int row)
    {
        int d = Description.HiddenSize;
        var values = new double[d];
        for (int c = 0; c < d; c++)
        {
            values[c] = ElementCodec.Round(Description.Element, SyntheticValues.Embedding(Seed, stream, ((long)row * d) + c));
        }

        return values;
    }

    private CceTensor<U4> Upload(ulong stream, int count)
    {
        int d = Description.HiddenSize;
        int rowBytes = d * ElementCodec.Size(Description.Element);
        int chunks = rowBytes / 16;
        CceTensor<U4> tensor = Device.Allocate<U4>(count, chunks);
        int batch = Math.Min(count, UploadRows);
        var values = new float[(long)batch * d];
        var bytes = new byte[(long)batch * rowBytes];
        AcceleratorStream deviceStream = Device.Accelerator.DefaultStream;
        for (int first = 0; first < count; first += batch)
        {
            int taken = Math.Min(batch, count - first);
            long firstValue = (long)first * d;
            Parallel.For(0, taken * d, i => values[i] = SyntheticValues.Embedding(Seed, stream, firstValue + i));
            ElementCodec.Pack(Description.Element, values.AsSpan(0, taken * d), bytes);
            ReadOnlySpan<U4> packed = MemoryMarshal.Cast<byte, U4>(bytes.AsSpan(0, taken * rowBytes));
            tensor.View.SubView((long)first * chunks, (long)taken * chunks).CopyFromCPU(deviceStream, packed);

            // The staging arrays are refilled next round.
            deviceStream.Synchronize();
        }

        return tensor;
    }
}
