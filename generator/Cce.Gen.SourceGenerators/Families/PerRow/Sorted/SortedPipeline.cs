using Cce.Gen.SourceGenerators.Emitting;
using Cce.Gen.SourceGenerators.Models;
using Cce.Gen.SourceGenerators.Schemes;
using static Cce.Gen.SourceGenerators.Emitting.InvariantText;

namespace Cce.Gen.SourceGenerators.Families.PerRow.Sorted;

/// <summary>
/// The sorted pipeline: the first-pass kernels (one gather per sampled item row) and the dW kernels (count, fill,
/// segmented reduction, positives); the runtime scans the counts between count and fill. With deterministic gradients
/// the positives are summed by the reduction and there is no positives kernel.
/// </summary>
internal sealed class SortedPipeline : PerRowPipelineEmitter
{
    /// <summary>The one instance.</summary>
    public static readonly SortedPipeline Instance = new();

    private const string Cce = GlobalNames.Cce;

    private SortedPipeline()
    {
    }

    /// <inheritdoc />
    public override void EmitVariantFactory(SourceWriter w, string factory, RowLayout layout, RowLayout code, string kernels)
    {
        TileModel t = layout.Tile;
        string suffix = code.Suffix;
        w.Line(Invariant($"private static {Cce}PerRowSortedVariant {factory}() => new {Cce}PerRowSortedVariant("));
        w.Line(Invariant($"    new {Cce}PerRowTile({t.Warps}, {t.RowsPerGroup}, {t.ItemsInFlight}, {Cce}PerRowPipeline.Sorted, {t.ChunkRows}, {t.LanesPerItem}, {t.MinGroupsPerMultiprocessor}), {Cce}KernelLayout.{layout.KernelLayout},"));
        w.Line($"    {kernels}.{code.Name(KernelMode.Forward)}, {kernels}.{code.Name(KernelMode.Backward)}, {kernels}.{code.Name(KernelMode.ForwardBackward)},");
        string positives = layout.Settings.DeterministicGradients ? "null" : $"{kernels}.Positives_{suffix}";
        w.Line($"    {kernels}.Count_{suffix}, {kernels}.Fill_{suffix}, {kernels}.Reduce_{suffix}, {positives});");
    }

    /// <inheritdoc />
    public override void EmitKernels(SourceWriter w, LossSettings settings, RowLayout layout, PerRowSchemeEmitter scheme)
    {
        var gather = new GatherPassEmitter(w, settings, layout, scheme);
        gather.Emit(KernelMode.Forward);
        w.Line();
        gather.Emit(KernelMode.Backward);
        w.Line();
        gather.Emit(KernelMode.ForwardBackward);
        w.Line();
        var sorted = new SortedGradientEmitter(w, settings, layout, scheme);
        sorted.EmitCount("Count_" + layout.Suffix);
        w.Line();
        sorted.EmitFill("Fill_" + layout.Suffix);
        w.Line();
        sorted.EmitReduce("Reduce_" + layout.Suffix);
        if (!settings.DeterministicGradients)
        {
            w.Line();
            sorted.EmitPositives("Positives_" + layout.Suffix);
        }
    }
}
