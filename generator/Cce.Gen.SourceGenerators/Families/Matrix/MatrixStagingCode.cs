using System;
using Cce.Gen.SourceGenerators.Emitting;
using Cce.Gen.SourceGenerators.Models;
using static Cce.Gen.SourceGenerators.Emitting.InvariantText;

namespace Cce.Gen.SourceGenerators.Families.Matrix;

/// <summary>
/// The cp.async pipeline both matrix-unit kernel sources stage their tiles through: the owned block and the first
/// <c>Stages − 1</c> streamed tiles before the loop, then per tile a wait for its stage, a barrier, and the refill of the
/// stage the previous tile freed (in the item pass with the log-sum-exp, coefficient and target of each streamed row).
/// <see cref="Setup"/> declares the views and the block's part of the work these statements use, <see cref="TileRange"/>
/// its tiles; the kernels declare the rest: the class constants, <c>LoadRows</c>, <c>LoadRowValues</c>, <c>tile</c>,
/// <c>it</c>, <c>buf</c> and <c>tid</c>, and for a shared set <c>LoadSlots</c> and <c>CopySlotRows</c>.
/// </summary>
/// <remarks>
/// A shared set's row pass streams gathered rows of W, whose items (and their corrections) must be known before the
/// copies start. They go through a ring of <c>Stages + 1</c> slots in shared memory, filled from registers a tile
/// ahead: each tile stores the values of the tile it is about to copy (the item drawn two tiles before, the correction
/// read one tile before) ahead of the barrier it already has, so neither the item's read nor the correction's waits.
/// </remarks>
internal sealed class MatrixStagingCode
{
    private const string Units = GlobalNames.Kernels + "MatrixUnits.";
    private readonly SourceWriter w;
    private readonly int stages;
    private readonly Func<string, string>? slotItem;
    private readonly Func<string, string>? correction;

    /// <summary>
    /// Statements for <paramref name="stages"/> streamed tiles in flight, written to <paramref name="writer"/>; for a
    /// shared set, <paramref name="slotItem"/> gives the item of a slot of the group's set (−1 for none) and
    /// <paramref name="correction"/> the correction of an item.
    /// </summary>
    public MatrixStagingCode(SourceWriter writer, int stages, Func<string, string>? slotItem = null, Func<string, string>? correction = null)
    {
        w = writer;
        this.stages = stages;
        this.slotItem = slotItem;
        this.correction = correction;
    }

    private bool Gathered => slotItem is not null;

    /// <summary>
    /// The staging of a loss with <paramref name="settings"/>, <paramref name="stages"/> tiles in flight: for a shared
    /// set, its slots' items and corrections as the scheme gives them (of the set of <c>group</c>).
    /// </summary>
    public static MatrixStagingCode For(SourceWriter writer, LossSettings settings, int stages) =>
        Schemes.SchemeRegistry.Of(settings) is Schemes.MatrixSchemeEmitter { Gathered: true } scheme
            ? new MatrixStagingCode(writer, stages, slot => scheme.SlotItem(settings, "group", slot), item => scheme.Correction(settings, item))
            : new MatrixStagingCode(writer, stages);

    /// <summary>
    /// The group's views of its dynamic shared memory <c>smem</c> (16-byte chunks), from <paramref name="origin"/> (an
    /// int expression): the owned block <c>sO</c>, the stages <c>sS</c>, and after them (as ints) the item pass's row values
    /// <c>sV</c>, then a shared set's owned slot items <c>sIo</c>, or the row pass's slot ring <c>sI</c>, <c>sC</c>;
    /// then the block's part of the work: <c>own0</c>, <c>ownLimit</c>, <c>streamLimit</c>, <c>numTiles</c> and the
    /// sources. A catalog's blocks each own their rows; a shared set's blocks of one group lie side by side on the grid's
    /// x axis, each owning rows of that group only (slots of its set, in the item pass).
    /// </summary>
    public void Setup(bool items, string origin)
    {
        string At(string offset) => origin == "0" ? offset : $"{origin} + {offset}";
        w.Line($"var sO = smem.SubView({origin}, Owned * C);");
        w.Line($"var sS = smem.SubView({At("Owned * C")}, Stages * Stream * C);");
        string tail = $"smem.SubView({At("Owned * C + Stages * Stream * C")}).Cast<int>()";
        if (items)
        {
            w.Line($"var sV = {tail};");
        }

        if (!Gathered)
        {
            w.Line($"int own0 = {GlobalNames.Ilgpu}Grid.IdxX * Owned;");
            w.Line(items ? "int ownLimit = a.Catalog, streamLimit = a.Rows;" : "int ownLimit = a.Rows, streamLimit = a.Catalog;");
            w.Line(items ? "var ownSrc = a.Items; var streamSrc = a.Hidden;" : "var ownSrc = a.Hidden; var streamSrc = a.Items;");
            w.Line("int numTiles = (streamLimit + Stream - 1) / Stream;");
            return;
        }

        // The row pass keeps its ring of slot items and corrections where the item pass keeps its row values.
        if (items)
        {
            w.Line("var sIo = sV.SubView(3 * Stages * Stream, Owned);");
        }
        else
        {
            w.Line($"var sI = {tail};");
            w.Line("var sC = sI.SubView((Stages + 1) * Stream, (Stages + 1) * Stream).Cast<float>();");
        }

        w.Line(items ? "int perGroup = (a.Slots + Owned - 1) / Owned;" : "int perGroup = (a.GroupRows + Owned - 1) / Owned;");
        w.Line($"int group = {GlobalNames.Ilgpu}Grid.IdxX / perGroup, block = {GlobalNames.Ilgpu}Grid.IdxX - group * perGroup;");
        w.Line("int groupFirst = group * a.GroupRows;");
        w.Line("int groupEnd = groupFirst + a.GroupRows < a.Rows ? groupFirst + a.GroupRows : a.Rows;");
        w.Line(items ? "int own0 = block * Owned, streamBase = groupFirst;" : "int own0 = groupFirst + block * Owned;");
        w.Line(items ? "int ownLimit = a.Slots, streamLimit = groupEnd;" : "int ownLimit = groupEnd, streamLimit = a.Slots;");
        w.Line(items ? "int numTiles = (groupEnd - groupFirst + Stream - 1) / Stream;" : "int numTiles = (a.Slots + Stream - 1) / Stream;");
        w.Line(items ? "var streamSrc = a.Hidden;" : "var ownSrc = a.Hidden;");
    }

    /// <summary>
    /// The first streamed tile and the number of them this block walks: a forward row pass splits the catalog's tiles
    /// on the grid's y axis, as a shared set's item pass splits its group's rows; the other passes walk them all.
    /// </summary>
    public void TileRange(bool split) => w.Line(split
        ? $"int tBegin = {GlobalNames.Ilgpu}Grid.IdxY * numTiles / a.Splits, tCount = ({GlobalNames.Ilgpu}Grid.IdxY + 1) * numTiles / a.Splits - tBegin;"
        : "int tBegin = 0, tCount = numTiles;");

    /// <summary>Before the loop: the owned block, then each stage but the last, one commit group each.</summary>
    public void Prologue(bool items)
    {
        w.Line(Gathered && items
            ? "LoadSlots(sO, 0, sIo, 0, a, group, own0, ownLimit, Owned, tid);"
            : "LoadRows(sO, 0, ownSrc, own0, ownLimit, Owned, tid);");
        if (Gathered && !items)
        {
            SlotPrologue();
            return;
        }

        for (int s = 0; s < stages - 1; s++)
        {
            w.Open(Invariant($"if ({s} < tCount)"));
            StreamLoad(items, Invariant($"{s} * (Stream * C)"), Invariant($"(tBegin + {s}) * Stream"), Invariant($"{s}"));
            w.Close();
            w.Line($"{Units}CommitGroup();");
        }
    }

    /// <summary>
    /// At the top of a tile: wait for its stage and publish it to the group (after <paramref name="published"/>, a
    /// statement that hands this thread's copies to whatever reads them, or null), then refill the stage the previous tile freed.
    /// </summary>
    public void Step(bool items, string? published = null)
    {
        w.Line(Invariant($"{Units}WaitGroup({stages - 2});"));
        if (published is not null)
        {
            w.Line(published);
        }

        if (Gathered && !items)
        {
            SlotStep();
            return;
        }

        w.Line($"{GlobalNames.Ilgpu}Group.Barrier();");
        w.Line(Invariant($"int next = tile + {stages - 1};"));
        w.Open("if (next < tBegin + tCount)");
        w.Line(Invariant($"int nbuf = buf == 0 ? {stages - 1} : buf - 1;"));
        StreamLoad(items, "nbuf * (Stream * C)", "next * Stream", "nbuf");
        w.Close();
        w.Line($"{Units}CommitGroup();");
    }

    private void StreamLoad(bool items, string sharedBase, string row0, string stage)
    {
        string first = Gathered ? "streamBase + " : string.Empty;
        w.Line($"LoadRows(sS, {sharedBase}, streamSrc, {first}{row0}, streamLimit, Stream, tid);");
        if (items)
        {
            w.Line($"LoadRowValues(sV, ({stage}) * (3 * Stream), a.RowLse.Cast<int>(), a.RowCoefficients.Cast<int>(), a.Targets, {first}{row0}, streamLimit, tid);");
        }
    }

    // (shared set, row pass) The first Stages − 1 tiles' items and corrections stored at once, their rows copied; then
    // the registers that run ahead: the next tile's item and correction, and the item of the tile after.
    private void SlotPrologue()
    {
        w.Open("if (tid < Stream)");
        for (int s = 0; s < stages - 1; s++)
        {
            string item = Invariant($"prologueItem{s}");
            w.Line(Invariant($"int {item} = {SlotItemAt($"tBegin + {s}")};"));
            w.Line(Invariant($"sI[{s} * Stream + tid] = {item};"));
            w.Line(Invariant($"sC[{s} * Stream + tid] = {Correction(item)};"));
        }

        w.Close();
        w.Line($"{GlobalNames.Ilgpu}Group.Barrier();");
        for (int s = 0; s < stages - 1; s++)
        {
            w.Open(Invariant($"if ({s} < tCount)"));
            w.Line(Invariant($"CopySlotRows(sS, {s} * (Stream * C), sI, {s} * Stream, a, Stream, tid);"));
            w.Close();
            w.Line($"{Units}CommitGroup();");
        }

        w.Line("int slotItem = -1, slotAhead = -1;");
        w.Line("float slotCorrection = 0f;");
        w.Open("if (tid < Stream)");
        w.Line(Invariant($"slotItem = {SlotItemAt($"tBegin + {stages - 1}")};"));
        w.Line($"slotCorrection = {Correction("slotItem")};");
        w.Line(Invariant($"slotAhead = {SlotItemAt($"tBegin + {stages}")};"));
        w.Close();
    }

    // (shared set, row pass) Store the values of the tile about to be copied before the barrier, copy its rows after it,
    // then move the registers a tile on: the correction's read and the next item's draw overlap this tile's products.
    private void SlotStep()
    {
        w.Line(Invariant($"int next = tile + {stages - 1};"));
        w.Line("int vNext = ((it + Stages - 1) % (Stages + 1)) * Stream;");
        w.Open("if (tid < Stream)");
        w.Line("sI[vNext + tid] = slotItem;");
        w.Line("sC[vNext + tid] = slotCorrection;");
        w.Close();
        w.Line($"{GlobalNames.Ilgpu}Group.Barrier();");
        w.Open("if (next < tBegin + tCount)");
        w.Line(Invariant($"int nbuf = buf == 0 ? {stages - 1} : buf - 1;"));
        w.Line("CopySlotRows(sS, nbuf * (Stream * C), sI, vNext, a, Stream, tid);");
        w.Close();
        w.Line($"{Units}CommitGroup();");
        w.Open("if (tid < Stream)");
        w.Line("slotItem = slotAhead;");
        w.Line($"slotCorrection = {Correction("slotItem")};");
        w.Line($"slotAhead = {SlotItemAt("next + 2")};");
        w.Close();
    }

    // The item of this thread's slot of tile `tile`, −1 past the call's tiles or the set's slots.
    private string SlotItemAt(string tile) =>
        $"({tile}) < tBegin + tCount && ({tile}) * Stream + tid < streamLimit ? {slotItem!($"({tile}) * Stream + tid")} : -1";

    // An empty slot's correction is −∞: its logit is then −∞ whatever its (zero) row gives, with no test per element.
    private string Correction(string item) => $"{item} >= 0 ? {correction!(item)} : float.NegativeInfinity";
}
