using Cce.Kernels;
using ILGPU;

namespace Cce;

/// <summary>
/// One validated call, in the terms every kernel family shares: the views of the inputs and outputs, the scalars,
/// and the call's negatives. H, W and dH travel as 16-byte chunks whatever their element type.
/// </summary>
internal readonly record struct LossCall
{
    /// <summary>What the kernels were specialised on.</summary>
    public required LossDescription Description { get; init; }

    /// <summary>Hidden states, [N, D / width] chunks.</summary>
    public required ArrayView<U4> Hidden { get; init; }

    /// <summary>Item table, [V, D / width] chunks.</summary>
    public required ArrayView<U4> Items { get; init; }

    /// <summary>Positive item of each row, [N].</summary>
    public required ArrayView<int> Targets { get; init; }

    /// <summary>The call's negatives argument.</summary>
    public required NegativeSource Negatives { get; init; }

    /// <summary>Per-row loss, [N].</summary>
    public required ArrayView<float> RowLoss { get; init; }

    /// <summary>Per-row log-sum-exp, [N]: written by forward passes, read by the backward pass.</summary>
    public required ArrayView<float> RowLse { get; init; }

    /// <summary>dH in chunks, [N, ...]; empty for a forward pass.</summary>
    public ArrayView<U4> GradHidden { get; init; }

    /// <summary>dW, [V · D] fp32; empty for a forward pass.</summary>
    public ArrayView<float> GradItems { get; init; }

    /// <summary>Per-row upstream gradient, [N]; empty when <see cref="Upstream"/> applies to all rows.</summary>
    public ArrayView<float> UpstreamPerRow { get; init; }

    /// <summary>Device-resident count of non-ignored rows, [1].</summary>
    public required ArrayView<int> ValidRows { get; init; }

    /// <summary>Rows N.</summary>
    public required int Rows { get; init; }

    /// <summary>Catalog size V.</summary>
    public required int Catalog { get; init; }

    /// <summary>
    /// The catalog size whose constant correction the kernels add: V, except when a check runs the reference on a
    /// compact catalog of the items it touches.
    /// </summary>
    public int CorrectionCatalog { get; init; }

    /// <summary>Scalar upstream gradient.</summary>
    public float Upstream { get; init; }

    /// <summary>Whether dH and dW receive the gradients or add them to what they hold.</summary>
    public GradientUpdate Update { get; init; }

    /// <summary>Where the kernels mark the end of each stage when the loss records stages; null otherwise.</summary>
    public StageClock? Stages { get; init; }

    /// <summary>Most bytes of device workspace the call's kernels may hold; 0 for <see cref="CatalogLoss.DefaultWorkspaceLimit"/>.</summary>
    public long WorkspaceLimit { get; init; }
}
