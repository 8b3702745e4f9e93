namespace Cce;

/// <summary>
/// What a forward pass returns. <see cref="RowLoss"/> and <see cref="Lse"/> live on the device in buffers of the
/// loss object: they stay readable until its next Forward or ForwardBackward (or a call at another N) overwrites
/// them; after that, reading them or passing them to Backward throws, saying which call overwrote them. Keep them
/// longer with <see cref="CceTensor{T}.Clone"/>. Disposing them is allowed and frees nothing.
/// </summary>
/// <param name="Loss">The reduced loss: the mean over non-ignored rows, or the sum (for <see cref="LossReduction.Sum"/> and <see cref="LossReduction.None"/>).</param>
/// <param name="ValidRows">Rows whose target is not the ignore index.</param>
/// <param name="RowLoss">Per-row losses, [N] (0 for ignored rows).</param>
/// <param name="Lse">Per-row log-sum-exp, [N] (0 for ignored rows): the input of <c>Backward</c>.</param>
public sealed record LossResult(float Loss, int ValidRows, CceTensor<float> RowLoss, CceTensor<float> Lse);
