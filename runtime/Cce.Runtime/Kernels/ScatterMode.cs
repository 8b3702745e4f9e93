namespace Cce.Kernels;

/// <summary>
/// How a kernel adds into dW, as a type argument so ILGPU folds the choice to a constant and compiles only
/// one path: scalar fp32 atomics (any device), or sm_90 vector reductions.
/// </summary>
public interface IScatterMode
{
    /// <summary>Whether the scatter uses <see cref="VectorAtomics.Add4"/>.</summary>
    static abstract bool Vector { get; }
}

/// <summary>Scalar fp32 atomics: every device, the CPU accelerator included.</summary>
public struct ScalarScatter : IScatterMode
{
    /// <inheritdoc />
    public static bool Vector => false;
}

/// <summary>sm_90 vector reductions, four floats per operation.</summary>
public struct VectorScatter : IScatterMode
{
    /// <inheritdoc />
    public static bool Vector => true;
}
