using ILGPU;
using ILGPU.Runtime;

namespace Cce.Families.PerRow;

/// <summary>The three kernels of one fused per-row variant, compiled for one device, with their launch shapes.</summary>
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
        KernelSpecialization bounds = variant.RowTile.GatherSpecialization(accelerator);
        forward = accelerator.LoadKernel(variant.Forward, bounds);
        backward = accelerator.LoadKernel(variant.Backward, bounds);
        forwardBackward = accelerator.LoadKernel(variant.ForwardBackward, bounds);
        var geometry = new PerRowGeometry(
            description.Element, description.HiddenSize, description.Negatives, description.HiddenGradient, tile.Warps, variant.Layout == KernelLayout.Portable ? 1 : PerRowGeometry.WarpSize, tile.LanesPerItem);
        long sharedBytes = geometry.FusedSharedBytes;
        fusedSharedFloats = checked((int)(sharedBytes / sizeof(float)));
        CudaSharedMemoryOptIn.Apply(accelerator, forwardBackward.GetKernel(), (int)sharedBytes);
    }

    public override KernelTile Tile => tile;

    public override void Run(LossOperation operation, in LossCall call)
    {
        PerRowArguments arguments = PerRowLaunch.Arguments(call);
        AcceleratorStream stream = device.Accelerator.DefaultStream;
        if (operation != LossOperation.Forward && call.Update == GradientUpdate.Overwrite)
        {
            // The kernels add every item gradient into dW with atomics.
            device.Clear(stream, call.GradItems);
        }

        switch (operation)
        {
            case LossOperation.Forward:
                forward(stream, PerRowLaunch.Rows(tile, call.Rows), arguments);
                break;
            case LossOperation.Backward:
                backward(stream, PerRowLaunch.Rows(tile, call.Rows), arguments);
                break;
            default:
                forwardBackward(stream, PerRowLaunch.Rows(tile, call.Rows, fusedSharedFloats), arguments);
                break;
        }

        call.Stages?.Mark(stream, operation == LossOperation.Forward ? "forward" : "fused");
    }
}
