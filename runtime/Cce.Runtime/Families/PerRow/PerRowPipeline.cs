namespace Cce;

/// <summary>How the per-row kernels of a tile turn the sampled logits into gradients.</summary>
public enum PerRowPipeline
{
    /// <summary>One kernel per operation; dW gathered twice per pair and scattered with fp32 atomics.</summary>
    Fused = 0,

    /// <summary>
    /// Each sampled item row gathered once for loss and dH; dW rebuilt per chunk of rows by counting, scanning and
    /// filling the (item, row) pairs and reducing each item's segment in registers, one owner per dW row.
    /// </summary>
    Sorted = 1,
}
