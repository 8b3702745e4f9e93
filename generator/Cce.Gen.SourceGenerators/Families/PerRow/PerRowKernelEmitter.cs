using Cce.Families.PerRow;
using System.Collections.Generic;
using Cce.Gen.SourceGenerators.Emitting;
using Cce.Gen.SourceGenerators.Models;
using Cce.Gen.SourceGenerators.Schemes;
using static Cce.Gen.SourceGenerators.Emitting.InvariantText;

namespace Cce.Gen.SourceGenerators.Families.PerRow;

/// <summary>
/// Writes the kernels of the per-row family, where each row has its own K negatives, as straight-line code:
/// ILGPU does not unroll loops and would put indexed register arrays in local memory, so every per-lane element,
/// every item in flight and every shuffle step becomes its own scalar variable and statement here, with all sizes
/// baked in as constants.
/// </summary>
/// <remarks>
/// One skeleton for every layout and scheme: the <see cref="RowLayout"/> says how threads share rows, the
/// <see cref="SchemeEmitter"/> which item each slot holds and how its logit is corrected, <see cref="ElementCode"/>
/// how elements widen and pack. Shuffles and guards follow from the geometry alone, so a layout with one lane
/// per row writes none.
/// </remarks>
internal sealed class PerRowKernelEmitter
{
    private const string Ilgpu = GlobalNames.Ilgpu;
    private const string Exp = GlobalNames.System + "MathF.Exp";
    private const string Log = GlobalNames.System + "MathF.Log";
    private const string Max = GlobalNames.System + "MathF.Max";
    private const string U4 = GlobalNames.Kernels + "U4";

    private readonly LossSettings settings;
    private readonly TileModel tile;
    private readonly PerRowGeometry geometry;
    private readonly RowLayout layout;
    private readonly SchemeEmitter scheme;
    private readonly SourceWriter w;
    private readonly int elementsPerLane;
    private readonly int slotsPerIteration;
    private readonly int iterations;
    private readonly bool chunkGuard;
    private readonly bool slotGuard;

    /// <summary>Prepares the kernels of one layout of a loss, drawing negatives by <paramref name="scheme"/>.</summary>
    public PerRowKernelEmitter(SourceWriter writer, LossSettings settings, RowLayout layout, SchemeEmitter scheme)
    {
        w = writer;
        this.settings = settings;
        this.layout = layout;
        this.scheme = scheme;
        tile = layout.Tile;
        geometry = layout.Geometry;
        elementsPerLane = layout.ElementsPerLane;
        slotsPerIteration = geometry.ItemsPerWarp * tile.ItemsInFlight;
        iterations = (settings.Negatives + slotsPerIteration - 1) / slotsPerIteration;
        chunkGuard = geometry.ChunksPerLane * geometry.LanesPerItem != geometry.Chunks;
        slotGuard = settings.Negatives % slotsPerIteration != 0;
    }

    /// <summary>Writes the entry point of <paramref name="mode"/>.</summary>
    public void Emit(KernelMode mode)
    {
        bool forward = mode != KernelMode.Backward;
        bool gradients = mode != KernelMode.Forward;
        bool keepLogits = mode == KernelMode.ForwardBackward && layout.KeepsLogits;
        w.Line($"/// <summary>{Describe(mode)}: {layout.Shape}</summary>");
        w.Open($"public static void {layout.Name(mode)}({GlobalNames.PerRow}PerRowArguments a)");
        layout.OpenRowLoop(w, keepLogits);
        w.Comment(Invariant($"The positive item; a row whose target is the ignore index ({settings.IgnoreIndex}) {IgnoredRow(mode)}."));
        w.Line("int target = a.Targets[row];");
        w.Block(Invariant($"if (target == {settings.IgnoreIndex})"), () =>
        {
            if (forward)
            {
                layout.When(w, "lane == 0", () =>
                {
                    w.Line("a.RowLoss[row] = 0f;");
                    w.Line("a.RowLse[row] = 0f;");
                });
            }

            if (gradients)
            {
                WriteHiddenGradient(zero: true);
            }

            w.Line("continue;");
        });

        w.Line();
        w.Comment("Row prologue: h and the positive item's row, widened to fp32, and the positive logit s0.");
        LoadChunks("hv", "(long)row", "a.Hidden");
        Widen("h", "hv");
        LoadChunks("pv", "(long)target", "a.Items");
        Widen("wp", "pv");
        Dot("s0", "h", "wp");
        Reduce(new[] { "s0" });

        w.Line();
        if (forward)
        {
            EmitLogSumExpPass(keepLogits);
        }
        else
        {
            w.Comment("The log-sum-exp the forward pass saved.");
            w.Line("float lse = a.RowLse[row];");
        }

        if (gradients)
        {
            w.Line();
            EmitGradientPass(keepLogits);
        }

        w.Close();
        w.Close();
    }

    private static string Describe(KernelMode mode) => mode switch
    {
        KernelMode.Forward => "Loss and log-sum-exp of each row",
        KernelMode.Backward => "Gradients of each row from its saved log-sum-exp",
        _ => "Loss, log-sum-exp and gradients of each row in one pass",
    };

    private static string IgnoredRow(KernelMode mode) => mode switch
    {
        KernelMode.Forward => "has loss and log-sum-exp 0",
        KernelMode.Backward => "has dH 0",
        _ => "has loss, log-sum-exp and dH 0",
    };

    private void EmitLogSumExpPass(bool keepLogits)
    {
        w.Comment(Invariant($"Pass 1: online log-sum-exp over the {settings.Negatives} negatives, as a running (max, sum) in (m, sum)."));
        layout.StartLogSumExp(w);
        w.Open(Invariant($"for (int it = 0; it < {iterations}; it++)"));
        SlotsAndItems();
        w.Comment("Gather the items' rows and dot each with h.");
        for (int f = 0; f < tile.ItemsInFlight; f++)
        {
            LoadChunks(Invariant($"v{f}_"), Invariant($"(long)item{f}"), "a.Items");
        }

        var dots = new List<string>();
        for (int f = 0; f < tile.ItemsInFlight; f++)
        {
            DotFromChunks(Invariant($"d{f}"), "h", Invariant($"v{f}_"));
            dots.Add(Invariant($"d{f}"));
        }

        Reduce(dots);
        w.Comment(keepLogits
            ? "Fold each negative's logit into (m, sum), unless it hit the positive, and keep it for pass 2."
            : "Fold each negative's logit into (m, sum), unless it hit the positive.");
        for (int f = 0; f < tile.ItemsInFlight; f++)
        {
            string live = Invariant($"kept{f}");
            w.Line(Invariant($"bool {live} = {Valid(f)}item{f} != target;"));
            w.Line(Invariant($"float logit{f} = d{f} + {scheme.Correction(settings, Invariant($"item{f}"))};"));
            w.Block(Invariant($"if ({live})"), () =>
            {
                w.Line(Invariant($"float next{f} = {Max}(m, logit{f});"));
                w.Line(Invariant($"sum = sum * {Exp}(m - next{f}) + {Exp}(logit{f} - next{f});"));
                w.Line(Invariant($"m = next{f};"));
            });
            if (keepLogits)
            {
                w.Block(Invariant($"if (subLane == 0{(slotGuard ? $" && slot{f} < {settings.Negatives}" : string.Empty)})"), () =>
                    w.Line(Invariant($"logits[1 + slot{f}] = {live} ? logit{f} : float.NegativeInfinity;")));
            }
        }

        w.Close();
        if (geometry.LanesPerItem < geometry.LanesPerRow)
        {
            w.Line();
            w.Comment("Merge the sub-groups' running (max, sum).");
        }

        for (int offset = geometry.LanesPerItem; offset < geometry.LanesPerRow; offset <<= 1)
        {
            w.Block(string.Empty, () =>
            {
                w.Line(Invariant($"float otherM = {Ilgpu}Warp.ShuffleXor(m, {offset});"));
                w.Line(Invariant($"float otherSum = {Ilgpu}Warp.ShuffleXor(sum, {offset});"));
                w.Line($"float merged = {Max}(m, otherM);");
                w.Line($"sum = merged == float.NegativeInfinity ? 0f : sum * {Exp}(m - merged) + otherSum * {Exp}(otherM - merged);");
                w.Line("m = merged;");
            });
        }

        w.Line();
        w.Comment("The row's log-sum-exp and loss.");
        w.Line($"float lse = m + {Log}(sum);");
        layout.When(w, "lane == 0", () =>
        {
            w.Line("a.RowLoss[row] = lse - s0;");
            w.Line("a.RowLse[row] = lse;");
        });
    }

    private void EmitGradientPass(bool logitsKept)
    {
        w.Comment("The row's upstream gradient g: the scalar, times the row's own when given, over the valid rows for a mean.");
        w.Line("float g = a.Upstream;");
        w.Block("if (a.UpstreamPerRow.Length > 0)", () => w.Line("g *= a.UpstreamPerRow[row];"));
        w.Block("if (a.MeanReduction != 0)", () => w.Line("g /= a.ValidRows[0];"));
        if (logitsKept)
        {
            w.Comment("The logits were stored by lane 0 of each sub-group; make them visible to its other lanes.");
            w.Line(Ilgpu + "Warp.Barrier();");
        }

        w.Line();
        w.Comment(logitsKept
            ? "Pass 2: dH in registers, dW scattered, from the kept logits: coefficient g * exp(logit - lse) per negative."
            : "Pass 2: dH in registers, dW scattered, the logits recomputed: coefficient g * exp(logit - lse) per negative.");
        for (int e = 0; e < elementsPerLane; e++)
        {
            w.Line(Invariant($"float dh{e} = 0f;"));
        }

        layout.LoadScatterHidden(w);
        w.Comment("The positive item, once per row: coefficient g * (exp(s0 - lse) - 1).");
        layout.When(w, "sub == 0", () =>
        {
            w.Line($"float cp = g * ({Exp}(s0 - lse) - 1f);");
            for (int e = 0; e < elementsPerLane; e++)
            {
                w.Line(Invariant($"dh{e} += cp * wp{e};"));
            }

            layout.ScatterItemGradient(w, "target", "cp");
        });

        w.Open(Invariant($"for (int it = 0; it < {iterations}; it++)"));
        SlotsAndItems();
        w.Comment(logitsKept
            ? "Each negative that was kept: gather its row, add its share to dH and scatter its dW."
            : "Gather the items' rows and dot each with h.");
        for (int f = 0; f < tile.ItemsInFlight; f++)
        {
            int flight = f;
            if (logitsKept)
            {
                w.Line(Invariant($"float c{f} = {(slotGuard ? $"slot{f} < {settings.Negatives} ? " : string.Empty)}g * {Exp}(logits[1 + slot{f}] - lse){(slotGuard ? " : 0f" : string.Empty)};"));
                w.Block(Invariant($"if (c{f} != 0f)"), () =>
                {
                    LoadChunks(Invariant($"v{flight}_"), Invariant($"(long)item{flight}"), "a.Items");
                    Widen(Invariant($"w{flight}_"), Invariant($"v{flight}_"));
                    AccumulateHiddenGradient(Invariant($"c{flight}"), Invariant($"w{flight}_"));
                    layout.ScatterItemGradient(w, Invariant($"item{flight}"), Invariant($"c{flight}"));
                });
            }
            else
            {
                LoadChunks(Invariant($"v{f}_"), Invariant($"(long)item{f}"), "a.Items");
                Widen(Invariant($"w{f}_"), Invariant($"v{f}_"));
                Dot(Invariant($"d{f}"), "h", Invariant($"w{f}_"));
            }
        }

        if (!logitsKept)
        {
            var dots = new List<string>();
            for (int f = 0; f < tile.ItemsInFlight; f++)
            {
                dots.Add(Invariant($"d{f}"));
            }

            Reduce(dots);
            w.Comment("Each negative that did not hit the positive: add its share to dH and scatter its dW.");
            for (int f = 0; f < tile.ItemsInFlight; f++)
            {
                int flight = f;
                w.Line(Invariant($"float c{f} = {Valid(f)}item{f} != target ? g * {Exp}(d{f} + {scheme.Correction(settings, Invariant($"item{f}"))} - lse) : 0f;"));
                w.Block(Invariant($"if (c{f} != 0f)"), () =>
                {
                    AccumulateHiddenGradient(Invariant($"c{flight}"), Invariant($"w{flight}_"));
                    layout.ScatterItemGradient(w, Invariant($"item{flight}"), Invariant($"c{flight}"));
                });
            }
        }

        w.Close();
        if (geometry.LanesPerItem < geometry.LanesPerRow)
        {
            w.Line();
            w.Comment("Sum dH over the sub-groups.");
        }

        for (int offset = geometry.LanesPerItem; offset < geometry.LanesPerRow; offset <<= 1)
        {
            for (int e = 0; e < elementsPerLane; e++)
            {
                w.Line(Invariant($"dh{e} += {Ilgpu}Warp.ShuffleXor(dh{e}, {offset});"));
            }
        }

        w.Line();
        w.Comment("Write dH in its element type.");
        WriteHiddenGradient(zero: false);
    }

    /// <summary>The slots these lanes handle in this iteration and the item of each; a slot past K stands in as the target, which every pass skips.</summary>
    private void SlotsAndItems()
    {
        w.Comment(slotGuard
            ? Invariant($"The slots of this iteration and their items; a slot past {settings.Negatives} stands in as the target, which is skipped.")
            : "The slots of this iteration and their items.");
        w.Line($"int slotBase = {layout.SlotBase(slotsPerIteration)};");
        for (int f = 0; f < tile.ItemsInFlight; f++)
        {
            w.Line(Invariant($"int slot{f} = {IndexExpression.Of("slotBase") + f};"));
            string draw = scheme.Draw(settings, "row", Invariant($"slot{f}"));
            w.Line(slotGuard
                ? Invariant($"int item{f} = slot{f} < {settings.Negatives} ? {draw} : target;")
                : Invariant($"int item{f} = {draw};"));
        }
    }

    private string Valid(int flight) => slotGuard ? Invariant($"slot{flight} < {settings.Negatives} && ") : string.Empty;

    /// <summary>Loads this lane's 16-byte chunks of one row, at the chunk indices the layout assigns it.</summary>
    private void LoadChunks(string prefix, string rowExpression, string view)
    {
        for (int i = 0; i < geometry.ChunksPerLane; i++)
        {
            IndexExpression index = IndexExpression.Of(rowExpression, geometry.Chunks) + layout.LaneChunk(i);
            w.Line(NeedsGuard(i)
                ? Invariant($"{U4} {prefix}{i} = {layout.LaneChunk(i)} < {geometry.Chunks} ? {view}[{index}] : default;")
                : Invariant($"{U4} {prefix}{i} = {view}[{index}];"));
        }
    }

    private bool NeedsGuard(int chunk) => chunkGuard && (chunk + 1) * geometry.LanesPerItem > geometry.Chunks;

    /// <summary>Widens chunk words into fp32 scalars named prefix0 … prefix(E-1).</summary>
    private void Widen(string prefix, string chunkPrefix)
    {
        for (int i = 0; i < geometry.ChunksPerLane; i++)
        {
            for (int t = 0; t < geometry.VectorWidth; t++)
            {
                w.Line(Invariant($"float {prefix}{(i * geometry.VectorWidth) + t} = {ElementCode.Element(settings.Element, chunkPrefix + i, t)};"));
            }
        }
    }

    private void Dot(string name, string left, string right)
    {
        w.Line(Invariant($"float {name} = {left}0 * {right}0;"));
        for (int e = 1; e < elementsPerLane; e++)
        {
            w.Line(Invariant($"{name} += {left}{e} * {right}{e};"));
        }
    }

    /// <summary>A dot product straight from the loaded chunks, without naming the widened item elements.</summary>
    private void DotFromChunks(string name, string left, string chunkPrefix)
    {
        for (int e = 0; e < elementsPerLane; e++)
        {
            string element = ElementCode.Element(settings.Element, chunkPrefix + (e / geometry.VectorWidth), e % geometry.VectorWidth);
            w.Line(e == 0
                ? Invariant($"float {name} = {left}{e} * {element};")
                : Invariant($"{name} += {left}{e} * {element};"));
        }
    }

    /// <summary>Butterfly sum over the lanes of a sub-group; independent values interleave to hide shuffle latency.</summary>
    private void Reduce(IReadOnlyList<string> values)
    {
        if (geometry.LanesPerItem > 1)
        {
            w.Comment(values.Count == 1 ? "Sum the dot over the sub-group's lanes." : "Sum each dot over the sub-group's lanes.");
        }

        for (int offset = geometry.LanesPerItem / 2; offset >= 1; offset >>= 1)
        {
            foreach (string value in values)
            {
                w.Line(Invariant($"{value} += {Ilgpu}Warp.ShuffleXor({value}, {offset});"));
            }
        }
    }

    private void AccumulateHiddenGradient(string coefficient, string itemPrefix)
    {
        for (int e = 0; e < elementsPerLane; e++)
        {
            w.Line(Invariant($"dh{e} += {coefficient} * {itemPrefix}{e};"));
        }
    }

    /// <summary>Sub-group 0 writes the row of dH (zeros for an ignored row) in the gradient's element type.</summary>
    private void WriteHiddenGradient(bool zero)
    {
        layout.When(w, "sub == 0", () =>
        {
            int perChunk = geometry.GradientChunks / geometry.Chunks;
            for (int i = 0; i < geometry.ChunksPerLane; i++)
            {
                int chunk = i;
                void Body()
                {
                    for (int part = 0; part < perChunk; part++)
                    {
                        IndexExpression index = IndexExpression.Of("(long)row", geometry.GradientChunks) + (layout.LaneChunk(chunk) * perChunk) + part;
                        w.Line(Invariant($"a.GradHidden[{index}] = {(zero ? $"default({U4})" : GradientChunk(chunk, part, perChunk))};"));
                    }
                }

                if (NeedsGuard(i))
                {
                    w.Block(Invariant($"if ({layout.LaneChunk(i)} < {geometry.Chunks})"), Body);
                }
                else
                {
                    Body();
                }
            }
        });
    }

    /// <summary>Part <paramref name="part"/> of the dH chunks that chunk <paramref name="chunk"/> of h turns into (two when dH is fp32 and h is 16-bit).</summary>
    private string GradientChunk(int chunk, int part, int perChunk) =>
        ElementCode.GradientChunk(settings.Element, geometry.GradientBytes, "dh", (chunk * geometry.VectorWidth) + (part * geometry.VectorWidth / perChunk));
}
