using Cce.Kernels;

namespace Cce;

/// <summary>The three kernels the generator emitted for one tile candidate.</summary>
/// <param name="Tile">The candidate they were specialised for.</param>
/// <param name="Layout">How threads share a row.</param>
/// <param name="Forward">Loss and per-row log-sum-exp.</param>
/// <param name="Backward">Gradients from a saved log-sum-exp.</param>
/// <param name="ForwardBackward">Loss, log-sum-exp and gradients in one pass.</param>
public sealed record KernelVariant(
    TileConfig Tile,
    KernelLayout Layout,
    Action<KernelArguments> Forward,
    Action<KernelArguments> Backward,
    Action<KernelArguments> ForwardBackward);
