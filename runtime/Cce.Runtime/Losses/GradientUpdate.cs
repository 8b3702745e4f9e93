namespace Cce;

/// <summary>What a backward pass does with the gradient buffers it is given.</summary>
public enum GradientUpdate
{
    /// <summary>dH and dW receive this call's gradients; what they held before is lost (nothing needs zeroing first).</summary>
    Overwrite,

    /// <summary>
    /// This call's gradients are added to what dH and dW hold: micro-batches summed into one buffer, or the output
    /// embedding's gradient added into the input embedding's when the two are tied. Ignored rows leave their dH row as
    /// it was, and dW rows no row touches keep their values. dH is rounded once, after the addition.
    /// </summary>
    Accumulate,
}
