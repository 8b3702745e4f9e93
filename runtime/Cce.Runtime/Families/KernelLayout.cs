namespace Cce;

/// <summary>How the threads of a kernel share the work of a row.</summary>
public enum KernelLayout
{
    /// <summary>A warp owns a row; its lanes split the item rows into 16-byte chunks (for GPUs).</summary>
    Warp = 0,

    /// <summary>A thread owns a row and never waits for another lane (for ILGPU's CPU accelerator).</summary>
    Portable = 1,
}
