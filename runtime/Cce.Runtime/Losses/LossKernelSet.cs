using Cce.Kernels;
using ILGPU;
using ILGPU.Runtime;

namespace Cce;

/// <summary>The three kernels of one variant, compiled for one device, with their launch shapes.</summary>
internal sealed class LossKernelSet
{
    private readonly Action<AcceleratorStream, KernelConfig, KernelArguments> forward;
    private readonly Action<AcceleratorStream, KernelConfig, KernelArguments> backward;
    private readonly Action<AcceleratorStream, KernelConfig, KernelArguments> forwardBackward;
    private readonly int fusedSharedFloats;

    public LossKernelSet(CceDevice device, LossDescription description, KernelVariant variant)
    {
        Device = device;
        Tile = variant.Tile;
        Accelerator accelerator = device.Accelerator;
        forward = accelerator.LoadKernel(variant.Forward);
        backward = accelerator.LoadKernel(variant.Backward);
        forwardBackward = accelerator.LoadKernel(variant.ForwardBackward);
        Layout = variant.Layout;
        long sharedBytes = description.Geometry(Tile.Warps, variant.Layout).FusedSharedBytes;
        fusedSharedFloats = checked((int)(sharedBytes / sizeof(float)));
        CudaSharedMemoryOptIn.Apply(accelerator, forwardBackward.GetKernel(), (int)sharedBytes);
    }

    public CceDevice Device { get; }

    public TileConfig Tile { get; }

    public KernelLayout Layout { get; }

    public void Forward(in KernelArguments arguments) => forward(Stream, Shape(arguments.Rows, 0), arguments);

    public void Backward(in KernelArguments arguments) => backward(Stream, Shape(arguments.Rows, 0), arguments);

    public void ForwardBackward(in KernelArguments arguments) => forwardBackward(Stream, Shape(arguments.Rows, fusedSharedFloats), arguments);

    private AcceleratorStream Stream => Device.Accelerator.DefaultStream;

    private KernelConfig Shape(int rows, int sharedFloats)
    {
        int groups = (rows + Tile.RowsPerGroup - 1) / Tile.RowsPerGroup;
        return sharedFloats > 0
            ? new KernelConfig(groups, Tile.ThreadsPerGroup, SharedMemoryConfig.RequestDynamic<float>(sharedFloats))
            : new KernelConfig(groups, Tile.ThreadsPerGroup);
    }
}
