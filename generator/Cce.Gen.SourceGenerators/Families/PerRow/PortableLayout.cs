using Cce.Families.PerRow;
using System;
using Cce.Gen.SourceGenerators.Emitting;
using Cce.Gen.SourceGenerators.Models;
using static Cce.Gen.SourceGenerators.Emitting.InvariantText;

namespace Cce.Gen.SourceGenerators.Families.PerRow;

/// <summary>
/// The layout for ILGPU's CPU accelerator: one thread owns a whole row, so no lane ever waits for another. There
/// every shuffle is a barrier between operating-system threads, which the warp layout pays on every item.
/// </summary>
internal sealed class PortableLayout : RowLayout
{
    private const string Ilgpu = GlobalNames.Ilgpu;

    /// <summary>The launch shape of the portable layout: one warp per group, eight rows per thread, one item at a time.</summary>
    private static readonly TileModel FusedTile = new(1, 256, 1);

    /// <summary>The portable layout of the sorted pipeline: the same launch shape, dW in chunks of the most rows a 16-bit payload indexes.</summary>
    private static readonly TileModel SortedTile = new(1, 256, 1, PerRowPipeline.Sorted, 65536);

    /// <summary>Sizes the portable layout of <paramref name="pipeline"/>.</summary>
    public PortableLayout(LossSettings settings, PerRowPipeline pipeline)
        : base(settings, pipeline == PerRowPipeline.Sorted ? SortedTile : FusedTile, lanesPerRow: 1)
    {
    }

    /// <inheritdoc />
    public override string KernelLayout => "Portable";

    /// <inheritdoc />
    public override string Suffix => "Portable";

    /// <inheritdoc />
    public override string Shape => "one row per thread, no lane waits for another.";

    /// <inheritdoc />
    public override void OpenRowLoop(SourceWriter w, bool keepLogits)
    {
        w.Comment("The rows of this thread: one at a time, striding over the whole grid.");
        w.Open($"for (int row = {Ilgpu}Grid.GlobalIndex.X; row < a.Rows; row += {Ilgpu}Grid.DimX * {Ilgpu}Group.DimX)");
    }

    /// <inheritdoc />
    /// <remarks>Every thread leads its own row, so no condition; the block keeps the body's names scoped as in the warp layout.</remarks>
    public override void When(SourceWriter w, string condition, Action body) => w.Block(string.Empty, body);

    /// <inheritdoc />
    public override IndexExpression LaneChunk(int i) => IndexExpression.Literal(i);

    /// <inheritdoc />
    public override void StartLogSumExp(SourceWriter w)
    {
        w.Comment("Starting from the positive.");
        w.Line("float m = s0;");
        w.Line("float sum = 1f;");
    }

    /// <inheritdoc />
    public override string ItemInCatalog => "true";

    /// <inheritdoc />
    public override string SkipItem => "continue;";

    /// <inheritdoc />
    public override void OpenItemLoop(SourceWriter w)
    {
        w.Comment("The items of this thread: one at a time, striding over the whole grid.");
        w.Open($"for (int item = {Ilgpu}Grid.GlobalIndex.X; item < a.Catalog; item += {Ilgpu}Grid.DimX * {Ilgpu}Group.DimX)");
    }

    /// <inheritdoc />
    public override string FirstSubGroupOnly(string value, string otherwise) => value;

    /// <inheritdoc />
    public override IndexExpression SlotBase(int slotsPerIteration) => IndexExpression.Of("it", slotsPerIteration);

    /// <inheritdoc />
    /// <remarks>The thread holds the whole row of h already, in the scatter's order.</remarks>
    public override void LoadScatterHidden(SourceWriter w)
    {
    }

    /// <inheritdoc />
    public override void ScatterItemGradient(SourceWriter w, string item, string coefficient)
    {
        w.Block(string.Empty, () =>
        {
            w.Line(Invariant($"long gradRow = (long){item} * {Settings.HiddenSize};"));
            for (int e = 0; e < ElementsPerLane; e++)
            {
                w.Line(AtomicAdd((IndexExpression.Of("gradRow") + e).ToString(), Invariant($"{coefficient} * h{e}")));
            }
        });
    }

    /// <summary>
    /// One fp32 atomic addition into dW: the hardware instruction on GPUs, the NaN-safe bitwise loop on the CPU
    /// accelerator (ILGPU's own loop never ends once dW holds a NaN).
    /// </summary>
    public static string AtomicAdd(string index, string value) =>
        $"if ({Ilgpu}Runtime.Cuda.CudaAsm.IsSupported) {{ {Ilgpu}Atomic.Add(ref a.GradItems[{index}], {value}); }} else {{ {GlobalNames.Kernels}FloatAtomics.Add(a.GradItems, {index}, {value}); }}";
}
