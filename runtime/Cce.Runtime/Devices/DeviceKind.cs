namespace Cce;

/// <summary>The kind of accelerator a <see cref="CceDevice"/> runs on.</summary>
public enum DeviceKind
{
    /// <summary>ILGPU's CPU accelerator with an Nvidia-like device (warp 32), in parallel mode.</summary>
    Cpu = 0,

    /// <summary>A CUDA GPU.</summary>
    Cuda = 1,
}
