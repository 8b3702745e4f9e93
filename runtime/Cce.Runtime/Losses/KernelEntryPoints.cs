using Cce.Kernels;

namespace Cce;

/// <summary>The three kernels of one variant for one scatter mode.</summary>
/// <param name="Forward">Loss and log-sum-exp.</param>
/// <param name="Backward">Gradients from a saved log-sum-exp.</param>
/// <param name="ForwardBackward">Loss, log-sum-exp and gradients in one pass.</param>
public sealed record KernelEntryPoints(
    Action<KernelArguments> Forward,
    Action<KernelArguments> Backward,
    Action<KernelArguments> ForwardBackward);
