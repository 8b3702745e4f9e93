using Cce.Families.PerRow;
using System;
using Cce.Gen.SourceGenerators.Emitting;
using Cce.Gen.SourceGenerators.Models;
using static Cce.Gen.SourceGenerators.Emitting.InvariantText;

namespace Cce.Gen.SourceGenerators.Families.PerRow;

/// <summary>
/// The layout for GPUs: a warp owns one row. Its lanes split into <c>ItemsPerWarp</c> sub-groups of
/// <c>LanesPerItem</c> lanes; each sub-group gathers one item row (16 bytes per lane per chunk), so a warp works on
/// ItemsPerWarp × ItemsInFlight items at a time. Slot s of the row's negatives goes to the sub-group
/// (s / ItemsInFlight) mod ItemsPerWarp, and every pass walks the slots in the same order, so a sub-group
/// reads back only the logits it wrote itself.
/// </summary>
internal sealed class WarpLayout : RowLayout
{
    private const string Ilgpu = GlobalNames.Ilgpu;

    /// <summary>Sizes the warp layout of one tile candidate.</summary>
    public WarpLayout(LossSettings settings, TileModel tile)
        : base(settings, tile, PerRowGeometry.WarpSize)
    {
    }

    /// <inheritdoc />
    public override string KernelLayout => "Warp";

    /// <inheritdoc />
    /// <remarks>
    /// A sorted tile adds its chunk size in Ki rows and a chosen sub-group width its lanes, e.g. "w4r4f2s64kl8", as the
    /// runtime's canonical text does.
    /// </remarks>
    public override string Suffix =>
        Invariant($"w{Tile.Warps}r{Tile.RowsPerGroup}f{Tile.ItemsInFlight}")
        + (Tile.Pipeline == PerRowPipeline.Sorted ? Invariant($"s{Tile.ChunkRows / 1024}k") : string.Empty)
        + (Tile.LanesPerItem > 0 ? Invariant($"l{Tile.LanesPerItem}") : string.Empty);

    /// <inheritdoc />
    public override string Shape =>
        Invariant($"{Tile.Warps} warps, {Tile.RowsPerGroup} rows per group, {Tile.ItemsInFlight} item(s) in flight per sub-group of {Geometry.LanesPerItem} lanes.");

    /// <inheritdoc />
    public override void OpenRowLoop(SourceWriter w, bool keepLogits)
    {
        int rowsPerWarp = Tile.RowsPerGroup / Tile.Warps;
        DeclareLane(w, "reads one item row at a time");
        if (keepLogits)
        {
            w.Comment(Invariant($"The row's logits, kept between the two passes: negative slot s at 1 + s ({Settings.Negatives + 1} floats per warp)."));
            w.Line(Invariant($"{Ilgpu}ArrayView<float> logits = {Ilgpu}SharedMemory.GetDynamic<float>().SubView(warp * {Settings.Negatives + 1}, {Settings.Negatives + 1});"));
        }

        w.Line();
        w.Comment(Tile.Warps == 1
            ? Invariant($"The rows of this warp: all {rowsPerWarp} of the group's.")
            : Invariant($"The rows of this warp: {rowsPerWarp} of the group's {Tile.RowsPerGroup}, one in every {Tile.Warps}."));
        w.Open(Invariant($"for (int r = 0; r < {rowsPerWarp}; r++)"));
        IndexExpression row = (((IndexExpression.Of(Ilgpu + "Grid.IdxX") * rowsPerWarp) + IndexExpression.Of("r")) * Tile.Warps) + IndexExpression.Of("warp");
        w.Line($"int row = {row};");
        w.Block("if (row >= a.Rows)", () => w.Line("return;"));
        w.Line();
    }

    /// <inheritdoc />
    public override void When(SourceWriter w, string condition, Action body) => w.Block($"if ({condition})", body);

    /// <inheritdoc />
    /// <remarks>Chunk i of the lane is subLane + i·LanesPerItem, so a sub-group's loads of one chunk index are contiguous.</remarks>
    public override IndexExpression LaneChunk(int i) => IndexExpression.Of("subLane") + (i * Geometry.LanesPerItem);

    /// <inheritdoc />
    public override void StartLogSumExp(SourceWriter w)
    {
        w.Comment("Sub-group 0 starts from the positive, the others empty.");
        w.Line("float m = sub == 0 ? s0 : float.NegativeInfinity;");
        w.Line("float sum = sub == 0 ? 1f : 0f;");
    }

    /// <inheritdoc />
    public override string ItemInCatalog => "item < a.Catalog";

    /// <inheritdoc />
    public override string SkipItem => "return;";

    /// <inheritdoc />
    /// <remarks>The warp's decision to skip is uniform (taken on the longest segment of its sub-groups), so a return is safe.</remarks>
    public override void OpenItemLoop(SourceWriter w)
    {
        DeclareLane(w, "owns one item");
        IndexExpression item = (((IndexExpression.Of(Ilgpu + "Grid.IdxX") * Tile.Warps) + IndexExpression.Of("warp")) * Geometry.ItemsPerWarp) + IndexExpression.Of("sub");
        w.Line($"int item = {item};");
        w.Open(string.Empty);
    }

    /// <inheritdoc />
    public override string FirstSubGroupOnly(string value, string otherwise) => $"sub == 0 ? {value} : {otherwise}";

    /// <inheritdoc />
    public override IndexExpression SlotBase(int slotsPerIteration) =>
        IndexExpression.Of("it", slotsPerIteration) + IndexExpression.Of("sub", Tile.ItemsInFlight);

    /// <summary>
    /// The scatter has lane l of a sub-group add element t·LanesPerItem + l, so each atomic instruction of a
    /// sub-group covers consecutive addresses (whole sectors) rather than one element every 16 bytes. That needs
    /// h in that strided order too: hs0 … hs(E-1), read once per row.
    /// </summary>
    public override void LoadScatterHidden(SourceWriter w)
    {
        int lanes = Geometry.LanesPerItem;
        int width = Geometry.VectorWidth;
        string widen = GlobalNames.Kernels + "ChunkElements." + ElementCode.ChunkElementFunction(Settings.Element);
        w.Comment(Invariant($"h again, strided for the dW scatter: hs<t> is element subLane + {lanes} * t of the row."));
        for (int t = 0; t < ElementsPerLane; t++)
        {
            IndexExpression index = IndexExpression.Of("subLane") + (t * lanes);
            IndexExpression chunk = IndexExpression.Of("(long)row", Geometry.Chunks);
            string element = Invariant($"{widen}(a.Hidden[{chunk} + ({index.ShiftedRight(PowerOfTwo.Log2(width))})], {index.Masked(width - 1)})");
            w.Line(StridedNeedsGuard(t)
                ? Invariant($"float hs{t} = {index} < {Settings.HiddenSize} ? {element} : 0f;")
                : Invariant($"float hs{t} = {element};"));
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// The hardware fp32 atomic alone: a choice of the CPU fallback beside it measured 9% slower on a contended
    /// catalog (H100, ml20m), so on the CPU accelerator a NaN input still needs the portable layout.
    /// </remarks>
    public override void ScatterItemGradient(SourceWriter w, string item, string coefficient)
    {
        w.Block(string.Empty, () =>
        {
            w.Line(Invariant($"long gradRow = (long){item} * {Settings.HiddenSize} + subLane;"));
            for (int t = 0; t < ElementsPerLane; t++)
            {
                int offset = t * Geometry.LanesPerItem;
                string add = Invariant($"{Ilgpu}Atomic.Add(ref a.GradItems[{IndexExpression.Of("gradRow") + offset}], {coefficient} * hs{t});");
                if (StridedNeedsGuard(t))
                {
                    w.Block(Invariant($"if ({IndexExpression.Of("subLane") + offset} < {Settings.HiddenSize})"), () => w.Line(add));
                }
                else
                {
                    w.Line(add);
                }
            }
        });
    }

    /// <summary>Declares lane, warp, sub (the lane's sub-group) and subLane (its place in the sub-group), after a comment saying what a sub-group <paramref name="role"/>.</summary>
    private void DeclareLane(SourceWriter w, string role)
    {
        int lanes = Geometry.LanesPerItem;
        w.Comment(Invariant($"This lane's place: sub-group sub of the warp, {lanes} {(lanes == 1 ? "lane" : "lanes")}, {role}; subLane is the lane within it."));
        w.Line($"int lane = {Ilgpu}Warp.LaneIdx;");
        w.Line($"int warp = {Ilgpu}Warp.WarpIdx;");
        w.Line($"int sub = {IndexExpression.Of("lane").ShiftedRight(PowerOfTwo.Log2(lanes))};");
        w.Line($"int subLane = {IndexExpression.Of("lane").Masked(lanes - 1)};");
    }

    private bool StridedNeedsGuard(int t) => (t + 1) * Geometry.LanesPerItem > Settings.HiddenSize;
}
