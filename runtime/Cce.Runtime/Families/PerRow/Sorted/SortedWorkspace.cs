using ILGPU;
using ILGPU.Runtime;

namespace Cce.Families.PerRow.Sorted;

/// <summary>
/// The device memory of the sorted pipeline's dW pass and the chunk planner that sizes it: per item a count and an
/// offset, per row its positive coefficient, the scan's scratch, the bound of deterministic sums, and per (row, slot)
/// pair of one chunk a 16-bit row.
/// There are as few chunks as the tile's chunk size and the limit allow, all of one size; buffers only grow, so after
/// the first call at a shape no call allocates.
/// </summary>
internal sealed class SortedWorkspace : IDisposable
{
    private readonly Accelerator accelerator;
    private MemoryBuffer1D<int, Stride1D.Dense>? counts;
    private MemoryBuffer1D<int, Stride1D.Dense>? offsets;
    private MemoryBuffer1D<int, Stride1D.Dense>? scanScratch;
    private MemoryBuffer1D<float, Stride1D.Dense>? coefficients;
    private MemoryBuffer1D<ushort, Stride1D.Dense>? payload;
    private MemoryBuffer1D<uint, Stride1D.Dense>? termBound;

    public SortedWorkspace(Accelerator accelerator) => this.accelerator = accelerator;

    /// <summary>Bytes held now.</summary>
    public long Bytes =>
        (counts?.LengthInBytes ?? 0) + (offsets?.LengthInBytes ?? 0) + (scanScratch?.LengthInBytes ?? 0)
        + (coefficients?.LengthInBytes ?? 0) + (payload?.LengthInBytes ?? 0) + (termBound?.LengthInBytes ?? 0);

    /// <summary>Pair counts per item, then the fill's cursors, [V + 1].</summary>
    public ArrayView<int> Counts(int catalog) => counts!.View.SubView(0, catalog + 1L);

    /// <summary>Segment offsets per item, [V + 1].</summary>
    public ArrayView<int> Offsets(int catalog) => offsets!.View.SubView(0, catalog + 1L);

    /// <summary>The scan's scratch.</summary>
    public ArrayView<int> ScanScratch => scanScratch!.View;

    /// <summary>The positive coefficient of each row, [N].</summary>
    public ArrayView<float> Coefficients(int rows) => coefficients!.View.SubView(0, rows);

    /// <summary>The bound of every term of a deterministic dW sum, [1]; allocated by a plan that asked for it.</summary>
    public ArrayView<uint> TermBound => termBound!.View;

    /// <summary>The rows of one chunk's pairs, [pairs].</summary>
    public ArrayView<ushort> Payload(int pairs) => payload!.View.SubView(0, Math.Max(1, pairs));

    /// <summary>
    /// The chunking of a call with <paramref name="rows"/> × <paramref name="catalog"/> and <paramref name="pairsPerRow"/>
    /// pairs per row (K, or K + 1 when the positives join the sort) within <paramref name="limit"/> bytes, its buffers
    /// allocated (or kept, when large enough), with the bound of deterministic sums when <paramref name="termBound"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">Not even one row per chunk fits the limit.</exception>
    public ChunkPlan Prepare(int rows, int catalog, int pairsPerRow, int tileChunkRows, long limit, long scanScratchInts, bool termBound)
    {
        long fixedBytes = (2L * (catalog + 1L) * sizeof(int)) + (scanScratchInts * sizeof(int)) + ((long)rows * sizeof(float)) + (termBound ? sizeof(uint) : 0);
        long perRow = 2L * pairsPerRow;
        if (fixedBytes + perRow > limit)
        {
            throw new InvalidOperationException(
                $"Expected a workspace limit of at least {fixedBytes + perRow} bytes for the sorted pipeline at N = {rows}, V = {catalog}, {pairsPerRow} pairs per row "
                + $"(two ints per item, a float per row, 2 bytes per pair of a chunk's rows); the limit is {limit} bytes. Raise WorkspaceLimit on the loss object.");
        }

        int mostRows = (int)Math.Min(Math.Min(tileChunkRows, rows), (limit - fixedBytes) / perRow);
        int chunks = (rows + mostRows - 1) / mostRows;

        // As many chunks as the largest allowed one needs, all of one size: a smaller payload stays in L2 while it is
        // filled and read, and the workspace shrinks with it.
        int chunkRows = (rows + chunks - 1) / chunks;
        counts = Grow(counts, catalog + 1L);
        offsets = Grow(offsets, catalog + 1L);
        if (scanScratchInts > 0)
        {
            scanScratch = Grow(scanScratch, scanScratchInts);
        }

        coefficients = Grow(coefficients, rows);
        if (termBound)
        {
            this.termBound = Grow(this.termBound, 1);
        }

        payload = Grow(payload, (long)chunkRows * pairsPerRow);
        return new ChunkPlan(chunkRows, chunks, fixedBytes + (chunkRows * perRow));
    }

    public void Dispose()
    {
        counts?.Dispose();
        offsets?.Dispose();
        scanScratch?.Dispose();
        coefficients?.Dispose();
        payload?.Dispose();
        termBound?.Dispose();
    }

    private MemoryBuffer1D<T, Stride1D.Dense> Grow<T>(MemoryBuffer1D<T, Stride1D.Dense>? buffer, long length)
        where T : unmanaged
    {
        if (buffer is not null && buffer.Length >= length)
        {
            return buffer;
        }

        buffer?.Dispose();
        return accelerator.Allocate1D<T>(length);
    }
}

/// <summary>How a call's rows split into chunks for the sorted dW pass.</summary>
/// <param name="ChunkRows">Rows per chunk (the last may have fewer).</param>
/// <param name="Chunks">Number of chunks.</param>
/// <param name="Bytes">Workspace bytes the plan needs.</param>
internal sealed record ChunkPlan(int ChunkRows, int Chunks, long Bytes);
