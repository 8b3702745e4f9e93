using Cce.Gen.SourceGenerators.Emitting;
using Cce.Gen.SourceGenerators.Models;
using Cce.Gen.SourceGenerators.Schemes;
using static Cce.Gen.SourceGenerators.Emitting.InvariantText;

namespace Cce.Gen.SourceGenerators.Families.PerRow;

/// <summary>The fused pipeline: forward, backward and forward-backward kernels, dW by fp32 atomics.</summary>
internal sealed class FusedPipeline : PerRowPipelineEmitter
{
    /// <summary>The one instance.</summary>
    public static readonly FusedPipeline Instance = new();

    private const string Cce = GlobalNames.Cce;

    private FusedPipeline()
    {
    }

    /// <inheritdoc />
    public override void EmitVariantFactory(SourceWriter w, string factory, RowLayout layout, RowLayout code, string kernels)
    {
        TileModel t = layout.Tile;
        w.Line(Invariant($"private static {Cce}PerRowVariant {factory}() => new {Cce}PerRowVariant(new {Cce}PerRowTile({t.Warps}, {t.RowsPerGroup}, {t.ItemsInFlight}{(t.LanesPerItem > 0 ? Invariant($", LanesPerItem: {t.LanesPerItem}") : string.Empty)}{(t.MinGroupsPerMultiprocessor > 0 ? Invariant($", MinGroupsPerMultiprocessor: {t.MinGroupsPerMultiprocessor}") : string.Empty)}), {Cce}KernelLayout.{layout.KernelLayout},"));
        w.Line($"    {kernels}.{code.Name(KernelMode.Forward)}, {kernels}.{code.Name(KernelMode.Backward)}, {kernels}.{code.Name(KernelMode.ForwardBackward)});");
    }

    /// <inheritdoc />
    public override void EmitKernels(SourceWriter w, LossSettings settings, RowLayout layout, PerRowSchemeEmitter scheme)
    {
        var emitter = new PerRowKernelEmitter(w, settings, layout, scheme);
        emitter.Emit(KernelMode.Forward);
        w.Line();
        emitter.Emit(KernelMode.Backward);
        w.Line();
        emitter.Emit(KernelMode.ForwardBackward);
    }
}
