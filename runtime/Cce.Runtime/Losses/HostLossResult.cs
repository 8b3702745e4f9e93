namespace Cce;

/// <summary>What the host-array overloads return: everything copied back to host memory.</summary>
/// <typeparam name="TGrad">Element type of the hidden-state gradient.</typeparam>
/// <param name="Loss">The reduced loss (see <see cref="LossResult.Loss"/>).</param>
/// <param name="ValidRows">Rows whose target is not the ignore index.</param>
/// <param name="RowLoss">Per-row losses, [N].</param>
/// <param name="Lse">Per-row log-sum-exp, [N].</param>
/// <param name="GradHidden">dH, [N·D], or null for a forward pass.</param>
/// <param name="GradItems">dW, [V·D] fp32, or null for a forward pass.</param>
public sealed record HostLossResult<TGrad>(float Loss, int ValidRows, float[] RowLoss, float[] Lse, TGrad[]? GradHidden, float[]? GradItems)
    where TGrad : unmanaged;
