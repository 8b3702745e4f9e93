namespace Cce;

/// <summary>The kernels the generator emitted for one tile candidate.</summary>
/// <param name="Tile">The candidate they were specialised for.</param>
/// <param name="Layout">How threads share a row.</param>
/// <param name="Scalar">The kernels scattering dW with scalar fp32 atomics (any device).</param>
/// <param name="Vector">The same kernels scattering dW with sm_90 vector reductions.</param>
public sealed record KernelVariant(
    TileConfig Tile,
    KernelLayout Layout,
    KernelEntryPoints Scalar,
    KernelEntryPoints Vector);
