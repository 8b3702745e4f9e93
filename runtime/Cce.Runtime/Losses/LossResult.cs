namespace Cce;

/// <summary>
/// What a forward pass returns. <see cref="RowLoss"/> and <see cref="Lse"/> live on the device and belong
/// to the loss object: they stay valid until its next call.
/// </summary>
/// <param name="Loss">The reduced loss: the mean over non-ignored rows, or the sum (for <see cref="LossReduction.Sum"/> and <see cref="LossReduction.None"/>).</param>
/// <param name="ValidRows">Rows whose target is not the ignore index.</param>
/// <param name="RowLoss">Per-row losses, [N] (0 for ignored rows).</param>
/// <param name="Lse">Per-row log-sum-exp, [N] (0 for ignored rows): the input of <c>Backward</c>.</param>
public sealed record LossResult(float Loss, int ValidRows, CceTensor<float> RowLoss, CceTensor<float> Lse);
