using Cce.Gen.SourceGenerators.Emitting;
using Cce.Gen.SourceGenerators.Models;
using Cce.Gen.SourceGenerators.Schemes;

namespace Cce.Gen.SourceGenerators.Families.PerRow;

/// <summary>
/// What one pipeline of the per-row family writes for a layout: its kernels, and the factory of the runtime variant
/// that loads them. Adding a pipeline is adding one of these and its kernels' emitters.
/// </summary>
internal abstract class PerRowPipelineEmitter
{
    /// <summary>The emitter of <paramref name="pipeline"/>.</summary>
    public static PerRowPipelineEmitter For(PerRowPipeline pipeline) =>
        pipeline == PerRowPipeline.Sorted ? Sorted.SortedPipeline.Instance : FusedPipeline.Instance;

    /// <summary>
    /// Writes the private factory <paramref name="factory"/> of the variant of <paramref name="layout"/>'s tile, whose
    /// kernels are those of <paramref name="code"/> (the same code: only launch bounds or chunk rows differ), in <paramref name="kernels"/>.
    /// </summary>
    public abstract void EmitVariantFactory(SourceWriter w, string factory, RowLayout layout, RowLayout code, string kernels);

    /// <summary>Writes the kernels of <paramref name="layout"/> as public static methods of the enclosing class.</summary>
    public abstract void EmitKernels(SourceWriter w, LossSettings settings, RowLayout layout, PerRowSchemeEmitter scheme);
}
