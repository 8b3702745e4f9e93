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
    private const string Exp = "global::System.MathF.Exp";
    private const string Log = "global::System.MathF.Log";
    private const string Max = "global::System.MathF.Max";

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
        w.Open($"public static void {layout.Name(mode)}(global::Cce.Families.PerRow.PerRowArguments a)");
        layout.OpenRowLoop(w, keepLogits);
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

        LoadChunks("hv", "(long)row", "a.Hidden");
        Widen("h", "hv");
        LoadChunks("pv", "(long)target", "a.Items");
        Widen("wp", "pv");
        Dot("s0", "h", "wp");
        Reduce(new[] { "s0" });

        if (forward)
        {
            EmitLogSumExpPass(keepLogits);
        }
        else
        {
            w.Line("float lse = a.RowLse[row];");
        }

        if (gradients)
        {
            EmitGradientPass(keepLogits);
        }

        w.Close();
        w.Close();
        w.Line();
    }

    private static string Describe(KernelMode mode) => mode switch
    {
        KernelMode.Forward => "Loss and log-sum-exp of each row",
        KernelMode.Backward => "Gradients of each row from its saved log-sum-exp",
        _ => "Loss, log-sum-exp and gradients of each row in one pass",
    };

    private void EmitLogSumExpPass(bool keepLogits)
    {
        layout.StartLogSumExp(w);
        w.Open(Invariant($"for (int it = 0; it < {iterations}; it++)"));
        SlotsAndItems();
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

        w.Line($"float lse = m + {Log}(sum);");
        layout.When(w, "lane == 0", () =>
        {
            w.Line("a.RowLoss[row] = lse - s0;");
            w.Line("a.RowLse[row] = lse;");
        });
    }

    private void EmitGradientPass(bool logitsKept)
    {
        w.Line("float g = a.Upstream;");
        w.Block("if (a.UpstreamPerRow.Length > 0)", () => w.Line("g *= a.UpstreamPerRow[row];"));
        w.Block("if (a.MeanReduction != 0)", () => w.Line("g /= a.ValidRows[0];"));
        if (logitsKept)
        {
            // The logits were stored by lane 0 of each sub-group; make them visible to its other lanes.
            w.Line(Ilgpu + "Warp.Barrier();");
        }

        for (int e = 0; e < elementsPerLane; e++)
        {
            w.Line(Invariant($"float dh{e} = 0f;"));
        }

        layout.LoadScatterHidden(w);
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
        for (int offset = geometry.LanesPerItem; offset < geometry.LanesPerRow; offset <<= 1)
        {
            for (int e = 0; e < elementsPerLane; e++)
            {
                w.Line(Invariant($"dh{e} += {Ilgpu}Warp.ShuffleXor(dh{e}, {offset});"));
            }
        }

        WriteHiddenGradient(zero: false);
    }

    /// <summary>The slots these lanes handle in this iteration and the item of each; a slot past K stands in as the target, which every pass skips.</summary>
    private void SlotsAndItems()
    {
        w.Line($"int slotBase = {layout.SlotBase(slotsPerIteration)};");
        for (int f = 0; f < tile.ItemsInFlight; f++)
        {
            w.Line(Invariant($"int slot{f} = slotBase + {f};"));
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
            string index = Invariant($"{rowExpression} * {geometry.Chunks} + {layout.LaneChunk(i)}");
            w.Line(NeedsGuard(i)
                ? Invariant($"global::Cce.Kernels.U4 {prefix}{i} = {layout.LaneChunk(i)} < {geometry.Chunks} ? {view}[{index}] : default;")
                : Invariant($"global::Cce.Kernels.U4 {prefix}{i} = {view}[{index}];"));
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
                        string index = Invariant($"(long)row * {geometry.GradientChunks} + {layout.LaneChunk(chunk)} * {perChunk} + {part}");
                        w.Line(Invariant($"a.GradHidden[{index}] = {(zero ? "default(global::Cce.Kernels.U4)" : GradientChunk(chunk, part, perChunk))};"));
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
