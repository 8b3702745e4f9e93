namespace Cce;

/// <summary>How the threads of a kernel share their work.</summary>
public enum KernelLayout
{
    /// <summary>
    /// The layout of the tile candidates, for GPUs: in the per-row family a warp owns a row and its lanes split the item
    /// rows into 16-byte chunks; in the matrix family the warps of a group own blocks of rows (or items) and form the
    /// logits on the matrix units.
    /// </summary>
    Warp = 0,

    /// <summary>A thread owns a row (or an item) and never waits for another lane (for ILGPU's CPU accelerator).</summary>
    Portable = 1,
}
