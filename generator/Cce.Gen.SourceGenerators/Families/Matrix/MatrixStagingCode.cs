using Cce.Gen.SourceGenerators.Emitting;
using static Cce.Gen.SourceGenerators.Emitting.InvariantText;

namespace Cce.Gen.SourceGenerators.Families.Matrix;

/// <summary>
/// The cp.async pipeline both matrix-unit kernel sources stage their tiles through: the owned block and the first
/// <c>Stages − 1</c> streamed tiles before the loop, then per tile a wait for its stage, a barrier, and the refill of the
/// stage the previous tile freed (in the item pass with the log-sum-exp, coefficient and target of each streamed row).
/// The kernels declare what these statements use: <c>LoadRows</c>, <c>LoadRowValues</c>, <c>sO</c>, <c>sS</c>, <c>sV</c>,
/// <c>ownSrc</c>, <c>streamSrc</c>, <c>own0</c>, <c>ownLimit</c>, <c>streamLimit</c>, <c>tBegin</c>, <c>tCount</c>,
/// <c>tile</c>, <c>buf</c> and <c>tid</c>.
/// </summary>
internal sealed class MatrixStagingCode
{
    private const string Units = GlobalNames.Kernels + "MatrixUnits.";
    private readonly SourceWriter w;
    private readonly int stages;
    private readonly bool gathered;

    /// <summary>Statements for <paramref name="stages"/> streamed tiles in flight, written to <paramref name="writer"/>.</summary>
    public MatrixStagingCode(SourceWriter writer, int stages, bool gathered = false)
    {
        w = writer;
        this.stages = stages;
        this.gathered = gathered;
    }

    /// <summary>Before the loop: the owned block, then each stage but the last, one commit group each.</summary>
    public void Prologue(bool items)
    {
        w.Line(gathered && items
            ? "LoadSlots(sO, 0, sIo, 0, a, group, own0, ownLimit, Owned, tid);"
            : "LoadRows(sO, 0, ownSrc, own0, ownLimit, Owned, tid);");
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
        if (gathered && !items)
        {
            w.Line($"LoadSlots(sS, {sharedBase}, sI, ({stage}) * Stream, a, group, {row0}, streamLimit, Stream, tid);");
            return;
        }

        string first = gathered ? "streamBase + " : string.Empty;
        w.Line($"LoadRows(sS, {sharedBase}, streamSrc, {first}{row0}, streamLimit, Stream, tid);");
        if (items)
        {
            w.Line($"LoadRowValues(sV, ({stage}) * (3 * Stream), a.RowLse.Cast<int>(), a.RowCoefficients.Cast<int>(), a.Targets, {first}{row0}, streamLimit, tid);");
        }
    }
}
