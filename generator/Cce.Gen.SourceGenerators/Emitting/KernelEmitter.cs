using System;
using System.Collections.Generic;
using System.Globalization;
using Cce.Gen.SourceGenerators.Models;

namespace Cce.Gen.SourceGenerators.Emitting;

/// <summary>
/// Writes the kernels of one tile candidate as straight-line code: ILGPU does not unroll loops and would
/// put indexed register arrays in local memory, so every per-lane element, every item in flight and every
/// shuffle step becomes its own scalar variable and statement here, with all sizes baked in as constants.
/// </summary>
/// <remarks>
/// A warp owns one row. Its lanes split into <c>ItemsPerWarp</c> sub-groups of <c>LanesPerItem</c> lanes;
/// each sub-group gathers one item row (16 bytes per lane per chunk), so a warp works on
/// ItemsPerWarp × ItemsInFlight items at a time. Slot s of the row's negatives goes to the sub-group
/// (s / ItemsInFlight) mod ItemsPerWarp, and every pass walks the slots in the same order, so a sub-group
/// reads back only the logits it wrote itself.
/// </remarks>
internal sealed class KernelEmitter
{
    private const string Ilgpu = "global::ILGPU.";
    private const string Conversion = "global::Cce.Kernels.ElementConversion.";
    private const string Exp = "global::System.MathF.Exp";
    private const string Log = "global::System.MathF.Log";
    private const string Max = "global::System.MathF.Max";

    private readonly LossSettings settings;
    private readonly TileModel tile;
    private readonly KernelGeometry geometry;
    private readonly SourceWriter w;
    private readonly int elementsPerLane;
    private readonly int slotsPerIteration;
    private readonly int iterations;
    private readonly bool chunkGuard;
    private readonly bool slotGuard;
    private readonly bool portable;

    /// <summary>Prepares the kernels of <paramref name="tile"/>, in the warp layout or, when <paramref name="portable"/>, one row per thread.</summary>
    public KernelEmitter(SourceWriter writer, LossSettings settings, TileModel tile, bool portable)
    {
        w = writer;
        this.settings = settings;
        this.tile = tile;
        this.portable = portable;
        geometry = new KernelGeometry(settings.Element, settings.HiddenSize, settings.Negatives, settings.HiddenGradient, tile.Warps, portable ? 1 : KernelGeometry.WarpSize);
        elementsPerLane = geometry.ChunksPerLane * geometry.VectorWidth;
        slotsPerIteration = geometry.ItemsPerWarp * tile.ItemsInFlight;
        iterations = (settings.Negatives + slotsPerIteration - 1) / slotsPerIteration;
        chunkGuard = geometry.ChunksPerLane * geometry.LanesPerItem != geometry.Chunks;
        slotGuard = settings.Negatives % slotsPerIteration != 0;
    }

    /// <summary>The launch shape of the portable layout: one warp per group, eight rows per thread, one item at a time.</summary>
    public static TileModel PortableTile { get; } = new(1, 256, 1);

    /// <summary>The suffix naming a candidate's kernels, e.g. "w4r8f2", or "Portable".</summary>
    public static string Suffix(TileModel tile, bool portable) =>
        portable ? "Portable" : Invariant($"w{tile.Warps}r{tile.RowsPerGroup}f{tile.ItemsInFlight}");

    /// <summary>The name of one entry point.</summary>
    public static string Name(KernelMode mode, TileModel tile, bool portable) => mode + "_" + Suffix(tile, portable);

    public void Emit(KernelMode mode)
    {
        bool forward = mode != KernelMode.Backward;
        bool gradients = mode != KernelMode.Forward;
        bool keepLogits = mode == KernelMode.ForwardBackward && geometry.KeepsLogits;
        w.Line(portable
            ? Invariant($"/// <summary>{Describe(mode)}: one row per thread, no lane waits for another.</summary>")
            : Invariant($"/// <summary>{Describe(mode)}: {tile.Warps} warps, {tile.RowsPerGroup} rows per group, {tile.ItemsInFlight} item(s) in flight per sub-group of {geometry.LanesPerItem} lanes.</summary>"));
        w.Open(Invariant($"public static void {Name(mode, tile, portable)}(global::Cce.Kernels.KernelArguments a)"));
        if (portable)
        {
            w.Open($"for (int row = {Ilgpu}Grid.GlobalIndex.X; row < a.Rows; row += {Ilgpu}Grid.DimX * {Ilgpu}Group.DimX)");
        }
        else
        {
            w.Line($"int lane = {Ilgpu}Warp.LaneIdx;");
            w.Line($"int warp = {Ilgpu}Warp.WarpIdx;");
            w.Line(Invariant($"int sub = lane >> {Log2(geometry.LanesPerItem)};"));
            w.Line(Invariant($"int subLane = lane & {geometry.LanesPerItem - 1};"));
            if (keepLogits)
            {
                w.Line(Invariant($"global::ILGPU.ArrayView<float> logits = {Ilgpu}SharedMemory.GetDynamic<float>().SubView(warp * {settings.Negatives + 1}, {settings.Negatives + 1});"));
            }

            w.Open(Invariant($"for (int r = 0; r < {tile.RowsPerGroup / tile.Warps}; r++)"));
            w.Line(Invariant($"int row = ({Ilgpu}Grid.IdxX * {tile.RowsPerGroup / tile.Warps} + r) * {tile.Warps} + warp;"));
            w.Block("if (row >= a.Rows)", () => w.Line("return;"));
        }

        w.Line("int target = a.Targets[row];");
        w.Block(Invariant($"if (target == {settings.IgnoreIndex})"), () =>
        {
            if (forward)
            {
                When("lane == 0", () =>
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
        // The positive starts sub-group 0's running log-sum-exp; the other sub-groups start empty.
        w.Line(portable ? "float m = s0;" : "float m = sub == 0 ? s0 : float.NegativeInfinity;");
        w.Line(portable ? "float sum = 1f;" : "float sum = sub == 0 ? 1f : 0f;");
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
            w.Line(Invariant($"float logit{f} = d{f} + a.Correction;"));
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
        When("lane == 0", () =>
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

        LoadStridedHidden();
        When("sub == 0", () =>
        {
            w.Line($"float cp = g * ({Exp}(s0 - lse) - 1f);");
            for (int e = 0; e < elementsPerLane; e++)
            {
                w.Line(Invariant($"dh{e} += cp * wp{e};"));
            }

            ScatterItemGradient("target", "cp");
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
                    ScatterItemGradient(Invariant($"item{flight}"), Invariant($"c{flight}"));
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
                w.Line(Invariant($"float c{f} = {Valid(f)}item{f} != target ? g * {Exp}(d{f} + a.Correction - lse) : 0f;"));
                w.Block(Invariant($"if (c{f} != 0f)"), () =>
                {
                    AccumulateHiddenGradient(Invariant($"c{flight}"), Invariant($"w{flight}_"));
                    ScatterItemGradient(Invariant($"item{flight}"), Invariant($"c{flight}"));
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

    /// <summary>The slots this sub-group handles in this iteration and the item of each.</summary>
    private void SlotsAndItems()
    {
        w.Line(portable
            ? Invariant($"int slotBase = it * {slotsPerIteration};")
            : Invariant($"int slotBase = it * {slotsPerIteration} + sub * {tile.ItemsInFlight};"));
        for (int f = 0; f < tile.ItemsInFlight; f++)
        {
            w.Line(Invariant($"int slot{f} = slotBase + {f};"));
            string draw = settings.Scheme == NegativeScheme.Explicit
                ? Invariant($"a.Negatives[(long)row * {settings.Negatives} + slot{f}]")
                : Invariant($"global::Cce.Kernels.UniformSampler.Draw(a.SeedLo, a.SeedHi, a.StepLo, a.StepHi, row, slot{f}, a.Catalog)");
            w.Line(slotGuard
                ? Invariant($"int item{f} = slot{f} < {settings.Negatives} ? {draw} : target;")
                : Invariant($"int item{f} = {draw};"));
        }
    }

    private string Valid(int flight) => slotGuard ? Invariant($"slot{flight} < {settings.Negatives} && ") : string.Empty;

    /// <summary>Loads this lane's 16-byte chunks of one row: chunk i of the lane is subLane + i·LanesPerItem.</summary>
    private void LoadChunks(string prefix, string rowExpression, string view)
    {
        for (int i = 0; i < geometry.ChunksPerLane; i++)
        {
            string index = Invariant($"{rowExpression} * {geometry.Chunks} + {LaneChunk(i)}");
            w.Line(NeedsGuard(i)
                ? Invariant($"global::Cce.Kernels.U4 {prefix}{i} = {LaneChunk(i)} < {geometry.Chunks} ? {view}[{index}] : default;")
                : Invariant($"global::Cce.Kernels.U4 {prefix}{i} = {view}[{index}];"));
        }
    }

    /// <summary>The chunk index of this lane's i-th chunk within a row.</summary>
    private string LaneChunk(int i) => portable ? Invariant($"{i}") : Invariant($"(subLane + {i * geometry.LanesPerItem})");

    /// <summary>Writes <paramref name="body"/> under a lane condition; in the portable layout every thread leads its row, so no condition.</summary>
    private void When(string condition, Action body)
    {
        if (portable)
        {
            w.Block(string.Empty, body);
        }
        else
        {
            w.Block($"if ({condition})", body);
        }
    }

    private bool NeedsGuard(int chunk) => chunkGuard && (chunk + 1) * geometry.LanesPerItem > geometry.Chunks;

    /// <summary>Widens chunk words into fp32 scalars named prefix0 … prefix(E-1).</summary>
    private void Widen(string prefix, string chunkPrefix)
    {
        for (int i = 0; i < geometry.ChunksPerLane; i++)
        {
            string[] words = { "X", "Y", "Z", "W" };
            for (int t = 0; t < geometry.VectorWidth; t++)
            {
                w.Line(Invariant($"float {prefix}{(i * geometry.VectorWidth) + t} = {Element(chunkPrefix + i, words, t)};"));
            }
        }
    }

    private string Element(string chunk, string[] words, int index) => settings.Element switch
    {
        ElementType.Float32 => Invariant($"{Ilgpu}Interop.IntAsFloat({chunk}.{words[index]})"),
        ElementType.BFloat16 => Invariant($"{Conversion}BFloat16{(index % 2 == 0 ? "Low" : "High")}({chunk}.{words[index / 2]})"),
        _ => Invariant($"{Conversion}Half{(index % 2 == 0 ? "Low" : "High")}({chunk}.{words[index / 2]})"),
    };

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
        string[] words = { "X", "Y", "Z", "W" };
        for (int e = 0; e < elementsPerLane; e++)
        {
            string element = Element(chunkPrefix + (e / geometry.VectorWidth), words, e % geometry.VectorWidth);
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

    /// <summary>
    /// The warp layout scatters dW with lane l of a sub-group adding element t·LanesPerItem + l, so each atomic
    /// instruction of a sub-group covers consecutive addresses (whole sectors) rather than one element every 16
    /// bytes. That needs h in that strided order too: hs0 … hs(E-1), read once per row.
    /// </summary>
    private void LoadStridedHidden()
    {
        if (portable)
        {
            return;
        }

        int lanes = geometry.LanesPerItem;
        int width = geometry.VectorWidth;
        for (int t = 0; t < elementsPerLane; t++)
        {
            string index = Invariant($"({t * lanes} + subLane)");
            string element = Invariant($"global::Cce.Kernels.ChunkElements.{ChunkElementFunction()}(a.Hidden[(long)row * {geometry.Chunks} + ({index} >> {Log2(width)})], {index} & {width - 1})");
            w.Line(StridedNeedsGuard(t)
                ? Invariant($"float hs{t} = {index} < {settings.HiddenSize} ? {element} : 0f;")
                : Invariant($"float hs{t} = {element};"));
        }
    }

    private bool StridedNeedsGuard(int t) => (t + 1) * geometry.LanesPerItem > settings.HiddenSize;

    private string ChunkElementFunction() => settings.Element switch
    {
        ElementType.Float32 => "Float32",
        ElementType.BFloat16 => "BFloat16",
        _ => "Half",
    };

    /// <summary>dW[item] += coefficient · h over this lane's elements, as fp32 atomics.</summary>
    private void ScatterItemGradient(string item, string coefficient)
    {
        if (!portable)
        {
            w.Block(string.Empty, () =>
            {
                w.Line(Invariant($"long gradRow = (long){item} * {settings.HiddenSize} + subLane;"));
                for (int t = 0; t < elementsPerLane; t++)
                {
                    string add = Invariant($"{Ilgpu}Atomic.Add(ref a.GradItems[gradRow + {t * geometry.LanesPerItem}], {coefficient} * hs{t});");
                    if (StridedNeedsGuard(t))
                    {
                        int tt = t;
                        w.Block(Invariant($"if ({tt * geometry.LanesPerItem} + subLane < {settings.HiddenSize})"), () => w.Line(add));
                    }
                    else
                    {
                        w.Line(add);
                    }
                }
            });
            return;
        }

        w.Block(string.Empty, () =>
        {
            w.Line(Invariant($"long gradRow = (long){item} * {settings.HiddenSize};"));
            for (int e = 0; e < elementsPerLane; e++)
            {
                w.Line(AtomicAdd(Invariant($"gradRow + {e}"), Invariant($"{coefficient} * h{e}")));
            }
        });
    }

    /// <summary>
    /// One fp32 atomic addition into dW in the portable layout: the hardware instruction on GPUs, the NaN-safe
    /// bitwise loop on the CPU accelerator (ILGPU's own loop never ends once dW holds a NaN). The warp layout
    /// writes the hardware instruction alone: with this choice beside it, its scatter measured 9% slower on a
    /// contended catalog (H100, ml20m), so on the CPU accelerator a NaN input still needs the portable layout.
    /// </summary>
    private static string AtomicAdd(string index, string value) =>
        $"if (global::ILGPU.Runtime.Cuda.CudaAsm.IsSupported) {{ {Ilgpu}Atomic.Add(ref a.GradItems[{index}], {value}); }} else {{ global::Cce.Kernels.FloatAtomics.Add(a.GradItems, {index}, {value}); }}";

    /// <summary>Sub-group 0 writes the row of dH (zeros for an ignored row) in the gradient's element type.</summary>
    private void WriteHiddenGradient(bool zero)
    {
        When("sub == 0", () =>
        {
            int perChunk = geometry.GradientChunks / geometry.Chunks;
            for (int i = 0; i < geometry.ChunksPerLane; i++)
            {
                int chunk = i;
                void Body()
                {
                    for (int part = 0; part < perChunk; part++)
                    {
                        string index = Invariant($"(long)row * {geometry.GradientChunks} + {LaneChunk(chunk)} * {perChunk} + {part}");
                        w.Line(Invariant($"a.GradHidden[{index}] = {(zero ? "default(global::Cce.Kernels.U4)" : GradientChunk(chunk, part, perChunk))};"));
                    }
                }

                if (NeedsGuard(i))
                {
                    w.Block(Invariant($"if ({LaneChunk(i)} < {geometry.Chunks})"), Body);
                }
                else
                {
                    Body();
                }
            }
        });
    }

    private string GradientChunk(int chunk, int part, int perChunk)
    {
        int first = (chunk * geometry.VectorWidth) + (part * geometry.VectorWidth / perChunk);
        string[] words = new string[4];
        for (int word = 0; word < 4; word++)
        {
            words[word] = geometry.GradientBytes == 4
                ? Invariant($"{Ilgpu}Interop.FloatAsInt(dh{first + word})")
                : Invariant($"{Conversion}{(settings.Element == ElementType.BFloat16 ? "PackBFloat16" : "PackHalf")}(dh{first + (2 * word)}, dh{first + (2 * word) + 1})");
        }

        return $"new global::Cce.Kernels.U4({words[0]}, {words[1]}, {words[2]}, {words[3]})";
    }

    private static int Log2(int value)
    {
        int log = 0;
        while ((1 << log) < value)
        {
            log++;
        }

        return log;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
