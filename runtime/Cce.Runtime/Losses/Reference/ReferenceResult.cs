namespace Cce.Reference;

/// <summary>What <see cref="ReferenceLoss"/> computes, all in fp64.</summary>
/// <param name="Loss">
/// The reduced loss: the mean over non-ignored rows (NaN when every row is ignored) for <see cref="LossReduction.Mean"/>,
/// the sum for <see cref="LossReduction.Sum"/>, and also the sum for <see cref="LossReduction.None"/>, whose result proper is
/// <paramref name="RowLoss"/>.
/// </param>
/// <param name="RowLoss">Per-row loss lse − s0, [N]; 0 for ignored rows.</param>
/// <param name="Lse">Per-row log-sum-exp over the positive and the unmasked negatives, [N]; 0 for ignored rows.</param>
/// <param name="GradHidden">Gradient of the upstream-weighted loss with respect to H, [N, D]; zero rows for ignored rows.</param>
/// <param name="GradItems">Gradient of the upstream-weighted loss with respect to W, [V, D].</param>
/// <param name="ValidRows">Rows whose target is not the ignore index.</param>
public sealed record ReferenceResult(
    double Loss,
    double[] RowLoss,
    double[] Lse,
    double[] GradHidden,
    double[] GradItems,
    int ValidRows)
{
    /// <summary>
    /// With <see cref="LossDescription.GradientFilter"/>, the summed magnitude of the terms of each dH element that the
    /// filter may leave out (probability below the threshold, not the positive): how far a filtered dH may lie from
    /// <see cref="GradHidden"/>. Null without a filter.
    /// </summary>
    public double[]? FilterSlackHidden { get; init; }

    /// <summary>As <see cref="FilterSlackHidden"/>, for each dW element.</summary>
    public double[]? FilterSlackItems { get; init; }
}
