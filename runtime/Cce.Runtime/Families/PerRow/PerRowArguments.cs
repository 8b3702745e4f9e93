using Cce.Kernels;
using ILGPU;

namespace Cce.Families.PerRow;

/// <summary>
/// The one argument of every generated loss kernel. H, W and dH travel as 16-byte chunks whatever
/// their element type, so all variants share this signature and the runtime launches them alike.
/// </summary>
public struct PerRowArguments
{
    /// <summary>Hidden states, [N, Chunks].</summary>
    public ArrayView<U4> Hidden;

    /// <summary>Item table, [V, Chunks].</summary>
    public ArrayView<U4> Items;

    /// <summary>Positive item of each row, [N]; the ignore index marks a skipped row.</summary>
    public ArrayView<int> Targets;

    /// <summary>
    /// The scheme's integer buffer: the explicit negatives [N, K], the alias table of a catalog distribution [2V];
    /// empty for uniform in-kernel sampling.
    /// </summary>
    public ArrayView<int> SchemeIndices;

    /// <summary>The scheme's per-item values: log q(j) of a catalog distribution [V]; empty otherwise.</summary>
    public ArrayView<float> SchemeValues;

    /// <summary>Per-row loss, [N] (written by the forward passes).</summary>
    public ArrayView<float> RowLoss;

    /// <summary>Per-row log-sum-exp, [N] (written by the forward passes, read by the backward pass).</summary>
    public ArrayView<float> RowLse;

    /// <summary>Gradient of the hidden states, [N, GradientChunks]; every row is written.</summary>
    public ArrayView<U4> GradHidden;

    /// <summary>Gradient of the item table, [V · D] fp32.</summary>
    public ArrayView<float> GradItems;

    /// <summary>
    /// The coefficient of each row's positive item in dW, g · (p_y − 1), [N]: written by the sorted pipeline's first
    /// pass, read by its positives pass; empty for the fused pipeline.
    /// </summary>
    public ArrayView<float> RowCoefficients;

    /// <summary>
    /// The largest |g| · max|h| of any row whose value is finite, as fp32 bits, [1]: a bound on every term of a dW sum,
    /// written by the sorted pipeline's first pass when gradients are deterministic and read by its reduction to scale
    /// its fixed-point sums; empty otherwise.
    /// </summary>
    public ArrayView<uint> TermBound;

    /// <summary>Per-row upstream gradient, [N]; empty when <see cref="Upstream"/> applies to all rows.</summary>
    public ArrayView<float> UpstreamPerRow;

    /// <summary>Device-resident count of non-ignored rows, [1], for the mean reduction.</summary>
    public ArrayView<int> ValidRows;

    /// <summary>Rows N.</summary>
    public int Rows;

    /// <summary>Catalog size V.</summary>
    public int Catalog;

    /// <summary>Sampling seed, low word.</summary>
    public uint SeedLo;

    /// <summary>Sampling seed, high word.</summary>
    public uint SeedHi;

    /// <summary>Training step, low word.</summary>
    public uint StepLo;

    /// <summary>Training step, high word.</summary>
    public uint StepHi;

    /// <summary>Correction added to every negative logit.</summary>
    public float Correction;

    /// <summary>Scalar upstream gradient.</summary>
    public float Upstream;

    /// <summary>1 to divide gradients by the count of non-ignored rows (mean reduction), else 0.</summary>
    public int MeanReduction;

    /// <summary>1 to add dH to what the buffer holds (<see cref="GradientUpdate.Accumulate"/>), 0 to overwrite it.</summary>
    public int AccumulateHiddenGradient;
}
