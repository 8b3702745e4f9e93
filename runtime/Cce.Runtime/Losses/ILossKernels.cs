using System.Collections.Immutable;

namespace Cce;

/// <summary>
/// Implemented by the generated part of every annotated loss class: the description and the kernel
/// variants, as static members, so the runtime and the tools enumerate them without reflection.
/// </summary>
/// <typeparam name="TSelf">The annotated class.</typeparam>
public interface ILossKernels<TSelf>
    where TSelf : CatalogLoss, ILossKernels<TSelf>
{
    /// <summary>What the kernels were specialised on.</summary>
    static abstract LossDescription Description { get; }

    /// <summary>One kernel set per tile candidate, in declaration order.</summary>
    static abstract ImmutableArray<KernelVariant> Variants { get; }

    /// <summary>Index into <see cref="Variants"/> used when nothing is tuned.</summary>
    static abstract int DefaultVariant { get; }

    /// <summary>The one-row-per-thread kernels, for ILGPU's CPU accelerator.</summary>
    static abstract KernelVariant PortableVariant { get; }

    /// <summary>Compiles the loss for <paramref name="device"/>, running the kernels <paramref name="plan"/> chooses.</summary>
    static abstract TSelf Create(CceDevice device, KernelPlan plan);
}
