using Cce.Kernels;
using Cce.Schemes;
using ILGPU;
using ILGPU.Runtime;

namespace Cce.Families.Matrix;

/// <summary>The kernels of one matrix variant, compiled for one device, with their launch shapes and the forward pass's partials.</summary>
/// <remarks>
/// Forward walks the catalog once per row block, in item splits when the row blocks alone would leave multiprocessors
/// idle; ForwardBackward walks it once for the rows (log-sum-exp, loss and dH together) and once for the items (dW);
/// Backward does the same from the saved log-sum-exp. For the full catalog every output element has one owner, so no
/// pass adds with atomics and the results do not depend on the order in which groups run; the shared-set schemes walk
/// each group's gathered set instead of the catalog and add its dW rows, and the positives', into a cleared dW.
/// </remarks>
internal sealed class MatrixKernelSet : LoadedKernels
{
    /// <summary>Rows (or items) of a group of the portable layout, one warp striding over them.</summary>
    private const int PortableBlock = 256;

    /// <summary>Threads of a group of the per-row support passes (coefficients, merge).</summary>
    private const int MergeThreads = 256;

    private const int PortableThreads = 32;

    /// <summary>Groups per multiprocessor the forward pass aims for before it stops splitting the catalog.</summary>
    private const int GroupsPerMultiprocessor = 2;

    private readonly CceDevice device;
    private readonly MatrixTile tile;
    private readonly bool portable;
    private readonly bool staged;
    private readonly int sharedBytes;
    private readonly Action<AcceleratorStream, KernelConfig, MatrixArguments> forwardRows;
    private readonly Action<AcceleratorStream, KernelConfig, MatrixArguments> mergeRows;
    private readonly Action<AcceleratorStream, KernelConfig, MatrixArguments> forwardGradientRows;
    private readonly Action<AcceleratorStream, KernelConfig, MatrixArguments> gradientRows;
    private readonly Action<AcceleratorStream, KernelConfig, MatrixArguments> gradientItems;
    private readonly Action<AcceleratorStream, KernelConfig, MatrixArguments> rowCoefficients;
    private readonly MatrixScheme scheme;
    private MemoryBuffer1D<float, Stride1D.Dense>? partials;
    private MemoryBuffer1D<float, Stride1D.Dense>? coefficients;

    public MatrixKernelSet(CceDevice device, LossDescription description, MatrixVariant variant)
    {
        this.device = device;
        scheme = MatrixScheme.For(description.Scheme);
        tile = variant.MatrixTile;
        portable = variant.Layout == KernelLayout.Portable;
        Accelerator accelerator = device.Accelerator;
        // One group per multiprocessor at least: the compiler may give each thread all the registers its fragments need.
        KernelSpecialization bounds = variant.Staged && accelerator.AcceleratorType == AcceleratorType.Cuda
            ? new KernelSpecialization(tile.ThreadsPerGroup, 1)
            : KernelSpecialization.Empty;
        staged = variant.Staged;
        sharedBytes = !staged ? 0 : checked((int)new MatrixGeometry(description.Element, description.HiddenSize, tile.Size, description.AllowTensorFloat32).SharedBytes);
        forwardRows = Load(accelerator, variant.ForwardRows, bounds);
        mergeRows = accelerator.LoadKernel<MatrixArguments>(PartialLogSumExp.Merge);
        rowCoefficients = accelerator.LoadKernel<MatrixArguments>(RowCoefficients.Compute);
        forwardGradientRows = Load(accelerator, variant.ForwardGradientRows, bounds);
        gradientRows = Load(accelerator, variant.GradientRows, bounds);
        gradientItems = Load(accelerator, variant.GradientItems, bounds);
    }

    public override KernelTile Tile => tile;

    public override long WorkspaceBytes => (partials?.LengthInBytes ?? 0) + (coefficients?.LengthInBytes ?? 0);

    public override void Run(LossOperation operation, in LossCall call)
    {
        AcceleratorStream stream = device.Accelerator.DefaultStream;
        MatrixArguments arguments = Arguments(call);
        if (operation == LossOperation.Forward)
        {
            arguments.Splits = scheme.SharesCandidates ? 1 : Splits(call.Rows, call.Catalog);
            if (arguments.Splits > 1)
            {
                arguments.Partials = Grown(ref partials, 2L * arguments.Splits * call.Rows);
            }

            forwardRows(stream, RowLaunch(arguments), arguments);
            if (arguments.Splits > 1)
            {
                mergeRows(stream, Threads(call.Rows), arguments);
            }

            call.Stages?.Mark(stream, "rows");
            return;
        }

        ArrayView<float> coefficientSpace = Grown(ref coefficients, call.Rows + 1L);
        arguments.RowCoefficients = coefficientSpace.SubView(0, call.Rows);
        arguments.CoefficientBound = coefficientSpace.SubView(call.Rows, 1).Cast<int>();
        arguments.CoefficientBound.MemSetToZero(stream);
        rowCoefficients(stream, Threads(call.Rows), arguments);
        if (scheme.SharesCandidates && call.Update == GradientUpdate.Overwrite)
        {
            // The positives' rows and each group's set are added into dW, by several writers per item.
            device.Clear(stream, call.GradItems);
        }

        call.Stages?.Mark(stream, "setup");
        (operation == LossOperation.Backward ? gradientRows : forwardGradientRows)(stream, RowLaunch(arguments), arguments);
        call.Stages?.Mark(stream, "rows");
        arguments.Splits = ItemSplits(arguments);
        gradientItems(stream, ItemLaunch(arguments), arguments);
        call.Stages?.Mark(stream, "items");
    }

    public override void Dispose()
    {
        partials?.Dispose();
        coefficients?.Dispose();
    }

    /// <summary>One of the variant's kernels, allowed the group's shared memory: through ILGPU, or re-targeted to sm_90a for the warpgroup kernels.</summary>
    private Action<AcceleratorStream, KernelConfig, MatrixArguments> Load(Accelerator accelerator, Action<MatrixArguments> kernel, KernelSpecialization bounds)
    {
        if (tile.WarpGroups)
        {
            return Sm90aKernelLoader.Load(accelerator, kernel, bounds, sharedBytes);
        }

        Action<AcceleratorStream, KernelConfig, MatrixArguments> launcher = accelerator.LoadKernel(kernel, bounds);
        CudaSharedMemoryOptIn.Apply(accelerator, launcher.GetKernel(), sharedBytes);
        return launcher;
    }

    private MatrixArguments Arguments(in LossCall call)
    {
        MatrixArguments arguments = Fields(call);
        scheme.Bind(ref arguments, call.Negatives, call.Description, call.Rows, call.CorrectionCatalog > 0 ? call.CorrectionCatalog : call.Catalog);
        return arguments;
    }

    private static MatrixArguments Fields(in LossCall call) => new()
    {
        Hidden = call.Hidden,
        Items = call.Items,
        Targets = call.Targets,
        RowLoss = call.RowLoss,
        RowLse = call.RowLse,
        GradHidden = call.GradHidden,
        GradItems = call.GradItems,
        UpstreamPerRow = call.UpstreamPerRow,
        ValidRows = call.ValidRows,
        Rows = call.Rows,
        Catalog = call.Catalog,
        Splits = 1,
        Upstream = call.Upstream,
        MeanReduction = call.Description.Reduction == LossReduction.Mean ? 1 : 0,
        AccumulateHiddenGradient = call.Update == GradientUpdate.Accumulate ? 1 : 0,
        AccumulateItemGradient = call.Update == GradientUpdate.Accumulate ? 1 : 0,
    };

    /// <summary>Item splits of a forward pass: enough for every multiprocessor to hold a few groups, each split at least one tile.</summary>
    private int Splits(int rows, int catalog)
    {
        if (!staged)
        {
            return 1;
        }

        int rowBlocks = (rows + tile.Rows - 1) / tile.Rows;
        int wanted = GroupsPerMultiprocessor * device.Accelerator.NumMultiprocessors;
        int tiles = (catalog + tile.Items - 1) / tile.Items;
        return Math.Clamp((wanted + rowBlocks - 1) / rowBlocks, 1, tiles);
    }

    /// <summary>
    /// Row splits of a shared set's item pass: a group's slots fill few blocks (one set of 511 slots, 8 blocks of 64), so
    /// each block takes a slice of the group's rows and adds its part of dW. Enough slices for every multiprocessor to
    /// hold a few blocks, each at least one streamed tile; one where the blocks of the slots are enough, and for a catalog.
    /// </summary>
    private int ItemSplits(in MatrixArguments arguments)
    {
        // The kernels without staging (the portable ones, the fp32 ones) walk every row of the group in one thread.
        if (!scheme.SharesCandidates || !staged)
        {
            return 1;
        }

        int blocks = Groups(arguments) * Blocks(arguments.Slots);
        int wanted = GroupsPerMultiprocessor * device.Accelerator.NumMultiprocessors;
        int tiles = (arguments.GroupRows + tile.Items - 1) / tile.Items;
        return Math.Clamp((wanted + blocks - 1) / blocks, 1, tiles);
    }

    /// <summary>
    /// The row pass's grid: a group per block of rows and split; for a shared set the blocks of each group side by side,
    /// none spanning two groups (a thread per row for the portable kernels).
    /// </summary>
    private KernelConfig RowLaunch(in MatrixArguments arguments) =>
        !scheme.SharesCandidates || portable
            ? Launch(arguments.Rows, tile.Rows, arguments.Splits)
            : Launch(Groups(arguments) * Blocks(arguments.GroupRows), 1, 1);

    /// <summary>
    /// The item pass's grid: a group per block of items; for a shared set per block of each group's slots and split of its
    /// rows (a thread per (group, slot) for the portable kernels).
    /// </summary>
    private KernelConfig ItemLaunch(in MatrixArguments arguments) =>
        !scheme.SharesCandidates
            ? Launch(arguments.Catalog, tile.Rows, 1)
            : portable
                ? Launch(checked(Groups(arguments) * arguments.Slots), 1, 1)
                : Launch(Groups(arguments) * Blocks(arguments.Slots), 1, arguments.Splits);

    private static int Groups(in MatrixArguments arguments) => (arguments.Rows + arguments.GroupRows - 1) / arguments.GroupRows;

    private int Blocks(int count) => (count + tile.Rows - 1) / tile.Rows;

    private KernelConfig Launch(int count, int block, int splits)
    {
        if (portable)
        {
            return new KernelConfig((count + PortableBlock - 1) / PortableBlock, PortableThreads);
        }

        var groups = new Index3D((count + block - 1) / block, splits, 1);
        var threads = new Index3D(tile.ThreadsPerGroup, 1, 1);
        return sharedBytes > 0
            ? new KernelConfig(groups, threads, SharedMemoryConfig.RequestDynamic<byte>(sharedBytes))
            : new KernelConfig(groups, threads);
    }

    /// <summary>One thread per row.</summary>
    private static KernelConfig Threads(int rows) => new((rows + MergeThreads - 1) / MergeThreads, MergeThreads);

    /// <summary>A workspace buffer grown to <paramref name="length"/> floats: it only grows, so a shape seen once allocates nothing again.</summary>
    private ArrayView<float> Grown(ref MemoryBuffer1D<float, Stride1D.Dense>? buffer, long length)
    {
        if (buffer is null || buffer.Length < length)
        {
            buffer?.Dispose();
            buffer = device.Accelerator.Allocate1D<float>(length);
        }

        return buffer.View.SubView(0, length);
    }
}
