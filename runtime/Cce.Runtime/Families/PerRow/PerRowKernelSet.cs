using Cce.Schemes;
using ILGPU;
using ILGPU.Runtime;

namespace Cce.Families.PerRow;

/// <summary>The three per-row kernels of one variant, compiled for one device, with their launch shapes.</summary>
internal sealed class PerRowKernelSet : LoadedKernels
{
    private readonly CceDevice device;
    private readonly PerRowTile tile;
    private readonly Action<AcceleratorStream, KernelConfig, PerRowArguments> forward;
    private readonly Action<AcceleratorStream, KernelConfig, PerRowArguments> backward;
    private readonly Action<AcceleratorStream, KernelConfig, PerRowArguments> forwardBackward;
    private readonly int fusedSharedFloats;

    public PerRowKernelSet(CceDevice device, LossDescription description, PerRowVariant variant)
    {
        this.device = device;
        tile = variant.RowTile;
        Accelerator accelerator = device.Accelerator;
        forward = accelerator.LoadKernel(variant.Forward);
        backward = accelerator.LoadKernel(variant.Backward);
        forwardBackward = accelerator.LoadKernel(variant.ForwardBackward);
        var geometry = new PerRowGeometry(
            description.Element, description.HiddenSize, description.Negatives, description.HiddenGradient, tile.Warps, variant.Layout == KernelLayout.Portable ? 1 : PerRowGeometry.WarpSize);
        long sharedBytes = geometry.FusedSharedBytes;
        fusedSharedFloats = checked((int)(sharedBytes / sizeof(float)));
        CudaSharedMemoryOptIn.Apply(accelerator, forwardBackward.GetKernel(), (int)sharedBytes);
    }

    public override KernelTile Tile => tile;

    public override void Run(LossOperation operation, in LossCall call)
    {
        PerRowArguments arguments = Arguments(call);
        AcceleratorStream stream = device.Accelerator.DefaultStream;
        switch (operation)
        {
            case LossOperation.Forward:
                forward(stream, Shape(call.Rows, 0), arguments);
                break;
            case LossOperation.Backward:
                backward(stream, Shape(call.Rows, 0), arguments);
                break;
            default:
                forwardBackward(stream, Shape(call.Rows, fusedSharedFloats), arguments);
                break;
        }
    }

    private static PerRowArguments Arguments(in LossCall call)
    {
        var arguments = new PerRowArguments
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
            Upstream = call.Upstream,
            MeanReduction = call.Description.Reduction == LossReduction.Mean ? 1 : 0,
        };
        int correctionCatalog = call.CorrectionCatalog > 0 ? call.CorrectionCatalog : call.Catalog;
        PerRowScheme.For(call.Description.Scheme).Bind(ref arguments, call.Negatives, call.Description, correctionCatalog);
        return arguments;
    }

    private KernelConfig Shape(int rows, int sharedFloats)
    {
        int groups = (rows + tile.RowsPerGroup - 1) / tile.RowsPerGroup;
        return sharedFloats > 0
            ? new KernelConfig(groups, tile.ThreadsPerGroup, SharedMemoryConfig.RequestDynamic<float>(sharedFloats))
            : new KernelConfig(groups, tile.ThreadsPerGroup);
    }
}
