namespace Cce;

/// <summary>
/// Declares a cross-entropy loss over an item catalog — against sampled negatives or, as the schemes grow, the whole
/// catalog. Put it on a <c>partial</c> class:
/// the Cce.Gen generator completes the class with kernels specialised for these settings and with the
/// typed API (<c>Create</c>, <c>Forward</c>, <c>Backward</c>, <c>ForwardBackward</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class CatalogLossAttribute : Attribute
{
    /// <summary>How negatives are chosen. Default: <see cref="NegativeScheme.UniformPerRow"/>.</summary>
    public NegativeScheme Scheme { get; set; } = NegativeScheme.UniformPerRow;

    /// <summary>Number of negatives K per row (at least 1).</summary>
    public int Negatives { get; set; }

    /// <summary>Hidden size D: the length of a hidden state and of an item embedding.</summary>
    public int HiddenSize { get; set; }

    /// <summary>Storage type of hidden states and items. Default: fp32.</summary>
    public ElementType Element { get; set; } = ElementType.Float32;

    /// <summary>Correction of the negative logits. Default: none.</summary>
    public LogQCorrection Correction { get; set; } = LogQCorrection.None;

    /// <summary>How per-row losses are reduced. Default: mean over non-ignored rows.</summary>
    public LossReduction Reduction { get; set; } = LossReduction.Mean;

    /// <summary>Target value marking a row that contributes nothing. Must be negative. Default: −100.</summary>
    public int IgnoreIndex { get; set; } = -100;

    /// <summary>Element type of the hidden-state gradient. Default: the input type.</summary>
    public GradientPrecision HiddenGradient { get; set; } = GradientPrecision.Input;

    /// <summary>
    /// Whether dH and dW must be bitwise identical across calls and processes for the same inputs, seed, step and tile.
    /// dW is then summed per item in 64-bit fixed point, scaled per item so that no order of the terms can round it
    /// differently, and each row's positive joins its item's sum instead of being added with atomics. Only the sorted
    /// pipeline offers it (a fused tile candidate is CCE0012). Default: false.
    /// </summary>
    public bool DeterministicGradients { get; set; }

    /// <summary>
    /// Lets the gradient passes leave out terms that cannot matter: with a threshold t &gt; 0, a term g·p·x of dH or dW
    /// whose probability p is below t may be skipped (the positive's one-hot term never is). The tensor-core kernels skip
    /// a warp's tile of 16 rows by <c>Items</c> items when every term in it qualifies, so a skipped tile costs neither its
    /// product nor its shared-memory reads; the portable kernels skip each qualifying term. The error this adds to an
    /// element of dH or dW is at most the sum of its qualifying terms' magnitudes. Only the passes that read a saved
    /// log-sum-exp filter: dH of <c>Backward</c> and dW of every call. Full-catalog losses only; a value in [0, 1).
    /// Default: 0 (every term is kept).
    /// </summary>
    public float GradientFilter { get; set; }

    /// <summary>
    /// Lets fp32 inputs be multiplied on the tensor cores as TF32 (10 mantissa bits, rounded to nearest; sums stay
    /// fp32), several times faster than exact fp32 on the CUDA cores, at a relative error of about 1e-3 in the
    /// gradients instead of 1e-6. Full-catalog fp32 losses only, with D a multiple of 64 for the tensor-core kernels
    /// (other D, and the CPU accelerator, run the exact fp32 kernels). Default: false (exact fp32).
    /// </summary>
    public bool AllowTensorFloat32 { get; set; }

    /// <summary>
    /// Rows per group of the schemes whose rows share their negatives (<see cref="NegativeScheme.SharedUniform"/>,
    /// <see cref="NegativeScheme.InBatch"/>): consecutive rows [i·G, (i + 1)·G) share one set, the last group of a call
    /// takes the rows left. Default: 0, one group of the whole call. Other schemes: 0.
    /// </summary>
    public int GroupRows { get; set; }
}
