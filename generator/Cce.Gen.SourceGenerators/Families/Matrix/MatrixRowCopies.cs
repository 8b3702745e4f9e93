using Cce.Gen.SourceGenerators.Emitting;
using Cce.Gen.SourceGenerators.Models;
using static Cce.Gen.SourceGenerators.Emitting.InvariantText;

namespace Cce.Gen.SourceGenerators.Families.Matrix;

/// <summary>
/// The helpers both matrix-unit kernel sources copy rows of H and W into shared memory with (cp.async, 16-byte chunks,
/// zeros where no row is picked), each in its kernels' <see cref="SharedTileLayout"/>: a tile of consecutive rows, and
/// for a shared set its slots' items and rows and the positives' rows. The kernels declare <c>C</c> and <c>Threads</c>.
/// </summary>
internal sealed class MatrixRowCopies
{
    private const string Units = GlobalNames.Kernels + "MatrixUnits.";
    private const string U4 = GlobalNames.Kernels + "U4";
    private const string Ilgpu = GlobalNames.Ilgpu;
    private const string Arguments = GlobalNames.Matrix + "MatrixArguments";
    private const string Inline = "[" + GlobalNames.System + "Runtime.CompilerServices.MethodImpl(" + GlobalNames.System + "Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]";
    private readonly SourceWriter w;
    private readonly LossSettings settings;
    private readonly SharedTileLayout layout;

    /// <summary>Helpers for a loss with <paramref name="settings"/> whose tiles lie in <paramref name="layout"/>, written to <paramref name="writer"/>.</summary>
    public MatrixRowCopies(SourceWriter writer, LossSettings settings, SharedTileLayout layout)
    {
        w = writer;
        this.settings = settings;
        this.layout = layout;
    }

    private Schemes.MatrixSchemeEmitter Scheme => (Schemes.MatrixSchemeEmitter)Schemes.SchemeRegistry.Of(settings);

    /// <summary><c>LoadRows</c>, and for a shared set <c>CopySlotRows</c>, <c>LoadSlots</c> and <c>LoadPositives</c>.</summary>
    public void Emit()
    {
        EmitLoadRows();
        if (!Scheme.Gathered)
        {
            return;
        }

        L();
        EmitLoadSlots();
        L();
        EmitLoadPositives();
    }

    private void L(string line = "") => w.Statement(line);

    // ---- building block: rows picked by index, `rows` of them, into a tile at sharedBase
    private void EmitCopyRows(string summary, string signature, string source, params string[] pick)
    {
        L($"/// <summary>{summary}</summary>");
        L(Inline);
        L(signature);
        L("{");
        L("for (int c = tid; c < rows * C; c += Threads)");
        L("{");
        L("int r = c / C;");
        L("int ch = c - r * C;");
        foreach (string line in pick)
        {
            L(line);
        }

        L($"{Units}CopyAsync16ZeroFill(shared, sharedBase + {layout.Chunk("r", "ch", "rows")}, {source}, item * C + ch, ok ? 16 : 0);");
        L("}");
        L("}");
    }

    // A tile of rows; rows past the end read as zeros.
    private void EmitLoadRows() => EmitCopyRows(
        "Copies rows [row0, row0 + rows) of src into shared memory (swizzled), zeros past limit.",
        $"private static void LoadRows({Ilgpu}ArrayView<{U4}> shared, int sharedBase, {Ilgpu}ArrayView<{U4}> src, int row0, int limit, int rows, int tid)",
        "src",
        "int gr = row0 + r;",
        "bool ok = gr < limit;",
        "int item = ok ? gr : limit - 1;");

    // (shared sets) The items of slots [slot0, slot0 + rows) of a group's set (−1 past limit or for an empty slot), then
    // their rows of W, zeros for an empty slot.
    private void EmitLoadSlots()
    {
        EmitCopyRows(
            "Copies the rows of W of the items in items[itemsBase, itemsBase + rows) into shared memory (swizzled), zeros for −1.",
            $"private static void CopySlotRows({Ilgpu}ArrayView<{U4}> shared, int sharedBase, {Ilgpu}ArrayView<int> items, int itemsBase, {Arguments} a, int rows, int tid)",
            "a.Items",
            "int slotItem = items[itemsBase + r];",
            "bool ok = slotItem >= 0;",
            "int item = ok ? slotItem : 0;");
        L();
        L("/// <summary>Copies the items of slots [slot0, slot0 + rows) of the group's set, then their rows of W (swizzled), zeros for no item.</summary>");
        L(Inline);
        L($"private static void LoadSlots({Ilgpu}ArrayView<{U4}> shared, int sharedBase, {Ilgpu}ArrayView<int> items, int itemsBase, {Arguments} a, int group, int slot0, int limit, int rows, int tid)");
        L("{");
        L("for (int r = tid; r < rows; r += Threads)");
        L("{");
        L("int slot = slot0 + r;");
        L($"items[itemsBase + r] = slot < limit ? {Scheme.SlotItem(settings, "group", "slot")} : -1;");
        L("}");
        L($"{Ilgpu}Group.Barrier();");
        L("CopySlotRows(shared, sharedBase, items, itemsBase, a, rows, tid);");
        L("}");
    }

    // (shared sets) The rows of W of the block's rows' positives, zeros for a row past the end or ignored; the epilogue
    // reads them there with the block's rows of H.
    private void EmitLoadPositives() => EmitCopyRows(
        "Copies the rows of W of the positives of rows [row0, row0 + rows) into shared memory (swizzled), zeros for no positive.",
        $"private static void LoadPositives({Ilgpu}ArrayView<{U4}> shared, int sharedBase, {Arguments} a, int row0, int limit, int rows, int tid)",
        "a.Items",
        "int gr = row0 + r;",
        Invariant($"int y = gr < limit ? a.Targets[gr] : {settings.IgnoreIndex};"),
        Invariant($"bool ok = y != {settings.IgnoreIndex};"),
        "int item = ok ? y : 0;");
}
