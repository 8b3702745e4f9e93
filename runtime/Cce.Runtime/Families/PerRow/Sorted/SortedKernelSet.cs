using ILGPU;
using Cce.Kernels;
using ILGPU.Runtime;

namespace Cce.Families.PerRow.Sorted;

/// <summary>
/// The kernels of one sorted per-row variant, compiled for one device, and the workspace of their dW pass. A
/// backward call runs the first pass (dH, LSE, each row's positive coefficient), then per chunk of rows: count,
/// scan, fill, segmented reduce; then the positives. With deterministic gradients the positives join their items'
/// segments (K + 1 pairs per row), the first pass bounds every term for the reduction's fixed-point sums, and there is
/// no positives pass.
/// </summary>
internal sealed class SortedKernelSet : LoadedKernels
{
    private const int MaxStrideGroups = 65535;

    private readonly CceDevice device;
    private readonly PerRowTile tile;
    private readonly int pairsPerRow;
    private readonly bool deterministic;
    private readonly int itemsPerGroup;
    private readonly int itemThreads;
    private readonly Action<AcceleratorStream, KernelConfig, PerRowArguments> forward;
    private readonly Action<AcceleratorStream, KernelConfig, PerRowArguments> backward;
    private readonly Action<AcceleratorStream, KernelConfig, PerRowArguments> forwardBackward;
    private readonly Action<AcceleratorStream, KernelConfig, PerRowArguments, SortedChunk> count;
    private readonly Action<AcceleratorStream, KernelConfig, PerRowArguments, SortedChunk> fill;
    private readonly Action<AcceleratorStream, KernelConfig, PerRowArguments, SortedChunk> reduce;
    private readonly Action<AcceleratorStream, KernelConfig, PerRowArguments>? positives;
    private readonly Action<AcceleratorStream, ArrayView<int>, ArrayView<int>, int> scanOffsets;
    private readonly SortedWorkspace workspace;
    private readonly int chunksPerRow;
    private readonly int strideThreads;
    private readonly bool sequentialScan;
    private readonly AcceleratorStream? sideStream;

    public SortedKernelSet(CceDevice device, LossDescription description, PerRowSortedVariant variant)
    {
        this.device = device;
        tile = variant.RowTile;
        deterministic = description.DeterministicGradients;
        if (deterministic != (variant.Positives is null))
        {
            throw new ArgumentException(
                $"Expected a variant {(deterministic ? "without" : "with")} a positives kernel for a loss with DeterministicGradients = {deterministic}; got one {(deterministic ? "with" : "without")}.",
                nameof(variant));
        }

        pairsPerRow = description.Negatives + (deterministic ? 1 : 0);
        Accelerator accelerator = device.Accelerator;
        KernelSpecialization bounds = tile.GatherSpecialization(accelerator);
        forward = accelerator.LoadKernel(variant.Forward, bounds);
        backward = accelerator.LoadKernel(variant.Backward, bounds);
        forwardBackward = accelerator.LoadKernel(variant.ForwardBackward, bounds);
        count = accelerator.LoadKernel(variant.Count);
        fill = accelerator.LoadKernel(variant.Fill);
        reduce = accelerator.LoadKernel(variant.Reduce);
        positives = variant.Positives is null ? null : accelerator.LoadKernel(variant.Positives);
        workspace = new SortedWorkspace(accelerator);
        bool portable = variant.Layout == KernelLayout.Portable;
        sequentialScan = accelerator.AcceleratorType == AcceleratorType.CPU;
        scanOffsets = sequentialScan ? SequentialScan(accelerator) : ParallelScan(accelerator, workspace);
        sideStream = sequentialScan ? null : accelerator.CreateStream();
        var geometry = new PerRowGeometry(
            description.Element, description.HiddenSize, description.Negatives, description.HiddenGradient, tile.Warps, portable ? 1 : PerRowGeometry.WarpSize, tile.LanesPerItem);
        chunksPerRow = geometry.Chunks;

        // The warp layout gives each sub-group one item; the portable layout strides its threads over the items.
        itemsPerGroup = portable ? tile.RowsPerGroup : tile.Warps * geometry.ItemsPerWarp;
        itemThreads = tile.ThreadsPerGroup;

        // On ILGPU's CPU accelerator every thread of a group is an operating-system thread: one warp per group there.
        strideThreads = portable ? PerRowGeometry.WarpSize : 8 * PerRowGeometry.WarpSize;
    }

    public override KernelTile Tile => tile;

    public override long WorkspaceBytes => workspace.Bytes;

    public override void Run(LossOperation operation, in LossCall call)
    {
        PerRowArguments arguments = PerRowLaunch.Arguments(call);
        AcceleratorStream stream = device.Accelerator.DefaultStream;
        if (operation == LossOperation.Forward)
        {
            forward(stream, PerRowLaunch.Rows(tile, call.Rows), arguments);
            call.Stages?.Mark(stream, "forward");
            return;
        }

        // Planned before any launch: a limit too small fails the call with nothing written.
        int rows = call.Rows;
        int catalog = call.Catalog;
        long scratch = sequentialScan ? 0 : OffsetScan.Blocks(catalog);
        ChunkPlan plan = workspace.Prepare(rows, catalog, pairsPerRow, tile.ChunkRows, call.WorkspaceLimit > 0 ? call.WorkspaceLimit : CatalogLoss.DefaultWorkspaceLimit, scratch, deterministic);
        arguments.RowCoefficients = workspace.Coefficients(rows);
        if (deterministic)
        {
            arguments.TermBound = workspace.TermBound;
            arguments.TermBound.MemSetToZero(stream);
        }

        StageClock? clock = call.Stages;
        SortedChunk first = Chunk(plan, rows, catalog, 0, call.Update);

        // The first chunk's sort needs nothing of pass 1: on a GPU it runs on a side stream while pass 1 does. The host
        // waits for the side stream alone before queueing the reduction, and pass 1, the longer, keeps the GPU busy
        // meanwhile. Not when stages are timed: their markers need one stream.
        AcceleratorStream? side = clock is null ? sideStream : null;
        if (side is not null)
        {
            // An earlier call on the default stream may still read the workspace.
            stream.Synchronize();
            Sort(side, arguments, first, catalog, null);
        }

        (operation == LossOperation.Backward ? backward : forwardBackward)(stream, PerRowLaunch.Rows(tile, rows), arguments);
        clock?.Mark(stream, "pass 1");
        side?.Synchronize();
        for (int c = 0; c < plan.Chunks; c++)
        {
            SortedChunk chunk = c == 0 ? first : Chunk(plan, rows, catalog, c, call.Update);
            if (c > 0 || side is null)
            {
                Sort(stream, arguments, chunk, catalog, clock);
            }

            reduce(stream, new KernelConfig((catalog + itemsPerGroup - 1) / itemsPerGroup, itemThreads), arguments, chunk);
            clock?.Mark(stream, "reduce");
        }

        if (positives is not null)
        {
            positives(stream, Strided((long)rows * chunksPerRow), arguments);
            clock?.Mark(stream, "positives");
        }
    }

    public override void Dispose()
    {
        workspace.Dispose();
        sideStream?.Dispose();
    }

    /// <summary>
    /// Chunk <paramref name="index"/> of <paramref name="plan"/>, over the workspace's buffers. The first chunk stores
    /// dW rows (zero where no pair falls) unless the call accumulates: then every chunk adds.
    /// </summary>
    private SortedChunk Chunk(ChunkPlan plan, int rows, int catalog, int index, GradientUpdate update)
    {
        int start = index * plan.ChunkRows;
        int pairs = Math.Min(plan.ChunkRows, rows - start) * pairsPerRow;
        return new SortedChunk
        {
            Counts = workspace.Counts(catalog),
            Offsets = workspace.Offsets(catalog),
            Payload = workspace.Payload(pairs),
            RowStart = start,
            Pairs = pairs,
            FirstChunk = index == 0 && update == GradientUpdate.Overwrite ? 1 : 0,
        };
    }

    /// <summary>Counts, scans and fills one chunk's pairs on <paramref name="on"/>: its segments, ready for the reduction.</summary>
    private void Sort(AcceleratorStream on, PerRowArguments arguments, SortedChunk chunk, int catalog, StageClock? clock)
    {
        chunk.Counts.MemSetToZero(on);
        count(on, Strided(chunk.Pairs), arguments, chunk);
        clock?.Mark(on, "count");
        scanOffsets(on, chunk.Counts, chunk.Offsets, catalog);
        clock?.Mark(on, "scan");
        fill(on, Strided(chunk.Pairs), arguments, chunk);
        clock?.Mark(on, "fill");
    }

    /// <summary>Offsets and cursors by one sequential thread: the scan of ILGPU's CPU accelerator.</summary>
    private static Action<AcceleratorStream, ArrayView<int>, ArrayView<int>, int> SequentialScan(Accelerator accelerator)
    {
        Action<AcceleratorStream, Index1D, ArrayView<int>, ArrayView<int>, int> kernel =
            accelerator.LoadAutoGroupedKernel<Index1D, ArrayView<int>, ArrayView<int>, int>(SupportKernels.SequentialScan);
        return (stream, counts, offsets, catalog) => kernel(stream, 1, counts, offsets, catalog);
    }

    /// <summary>Offsets and cursors by the three launches of <see cref="OffsetScan"/>, the block sums in the workspace's scan scratch.</summary>
    private static Action<AcceleratorStream, ArrayView<int>, ArrayView<int>, int> ParallelScan(Accelerator accelerator, SortedWorkspace workspace)
    {
        Action<AcceleratorStream, KernelConfig, ArrayView<int>, int, ArrayView<int>> sumBlocks =
            accelerator.LoadKernel<ArrayView<int>, int, ArrayView<int>>(OffsetScan.SumBlocks);
        Action<AcceleratorStream, KernelConfig, ArrayView<int>, int> scanBlocks =
            accelerator.LoadKernel<ArrayView<int>, int>(OffsetScan.ScanBlocks);
        Action<AcceleratorStream, KernelConfig, ArrayView<int>, ArrayView<int>, ArrayView<int>, int> apply =
            accelerator.LoadKernel<ArrayView<int>, ArrayView<int>, ArrayView<int>, int>(OffsetScan.Apply);
        return (stream, counts, offsets, catalog) =>
        {
            int blocks = OffsetScan.Blocks(catalog);
            ArrayView<int> sums = workspace.ScanScratch.SubView(0, blocks);
            sumBlocks(stream, new KernelConfig(blocks, OffsetScan.Threads), counts, catalog, sums);
            scanBlocks(stream, new KernelConfig(1, OffsetScan.Threads), sums, blocks);
            apply(stream, new KernelConfig(blocks, OffsetScan.Threads), counts, offsets, sums, catalog);
        };
    }

    private KernelConfig Strided(long work) =>
        new((int)Math.Clamp((work + strideThreads - 1) / strideThreads, 1, MaxStrideGroups), strideThreads);
}
