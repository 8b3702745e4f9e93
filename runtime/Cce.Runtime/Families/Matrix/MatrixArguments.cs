using Cce.Kernels;
using ILGPU;

namespace Cce.Families.Matrix;

/// <summary>
/// The one argument of every generated matrix kernel. H, W and dH travel as 16-byte chunks whatever their element
/// type, so all variants share this signature.
/// </summary>
public struct MatrixArguments
{
    /// <summary>Hidden states, [N, Chunks].</summary>
    public ArrayView<U4> Hidden;

    /// <summary>Item table, [V, Chunks].</summary>
    public ArrayView<U4> Items;

    /// <summary>Positive item of each row, [N]; the ignore index marks a skipped row.</summary>
    public ArrayView<int> Targets;

    /// <summary>Per-row loss, [N] (written by the forward passes).</summary>
    public ArrayView<float> RowLoss;

    /// <summary>Per-row log-sum-exp, [N] (written by the forward passes, read by the gradient passes).</summary>
    public ArrayView<float> RowLse;

    /// <summary>Gradient of the hidden states, [N, GradientChunks].</summary>
    public ArrayView<U4> GradHidden;

    /// <summary>Gradient of the item table, [V · D] fp32; each item's row has one owner.</summary>
    public ArrayView<float> GradItems;

    /// <summary>
    /// Per-row running maxima and sums of each item split of a forward pass, [2 · Splits · N]: merged in a fixed order
    /// by the merge pass, so the log-sum-exp does not depend on which split finishes first.
    /// </summary>
    public ArrayView<float> Partials;

    /// <summary>
    /// Each row's share of the reduced loss's gradient, g = upstream (· the row's own) (/ valid rows for a mean), 0 for
    /// an ignored row, [N]: written before the gradient passes, which read it for every (row, item) pair.
    /// </summary>
    public ArrayView<float> RowCoefficients;

    /// <summary>
    /// The bits of the largest |g| of <see cref="RowCoefficients"/>, [1] (a non-negative float's bits order as integers):
    /// the fp16 item pass scales P by a power of two from it, so that g·p stays in fp16's normal range.
    /// </summary>
    public ArrayView<int> CoefficientBound;

    /// <summary>Per-row upstream gradient, [N]; empty when <see cref="Upstream"/> applies to all rows.</summary>
    public ArrayView<float> UpstreamPerRow;

    /// <summary>Device-resident count of non-ignored rows, [1], for the mean reduction.</summary>
    public ArrayView<int> ValidRows;

    /// <summary>Rows N.</summary>
    public int Rows;

    /// <summary>Catalog size V.</summary>
    public int Catalog;

    /// <summary>Item splits of the forward pass: 1 writes the log-sum-exp directly, more write <see cref="Partials"/>.</summary>
    public int Splits;

    /// <summary>Scalar upstream gradient.</summary>
    public float Upstream;

    /// <summary>1 to divide gradients by the count of non-ignored rows (mean reduction), else 0.</summary>
    public int MeanReduction;

    /// <summary>1 to add dH to what the buffer holds, 0 to overwrite it.</summary>
    public int AccumulateHiddenGradient;

    /// <summary>1 to add dW to what the buffer holds, 0 to overwrite it.</summary>
    public int AccumulateItemGradient;

    /// <summary>Low word of the sampler's seed (schemes that draw their candidate set).</summary>
    public uint SeedLo;

    /// <summary>High word of the sampler's seed.</summary>
    public uint SeedHi;

    /// <summary>Low word of the training step.</summary>
    public uint StepLo;

    /// <summary>High word of the training step.</summary>
    public uint StepHi;

    /// <summary>
    /// Rows per group of the schemes whose rows share a candidate set: rows [i·G, (i + 1)·G) are group i. 0 for the full
    /// catalog, whose candidates are the catalog itself.
    /// </summary>
    public int GroupRows;

    /// <summary>Candidate slots of a group's set (K drawn items, or one per row of a group in-batch); 0 for the full catalog.</summary>
    public int Slots;

    /// <summary>The constant part of the correction every candidate logit receives.</summary>
    public float Correction;

    /// <summary>Per-item values of the correction, [V]: log q(j), which LogQ subtracts; empty when the correction is one constant.</summary>
    public ArrayView<float> SchemeValues;
}
