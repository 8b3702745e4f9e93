using System.Collections.Generic;
using Cce.Gen.SourceGenerators.Emitting;
using Cce.Gen.SourceGenerators.Models;
using Cce.Gen.SourceGenerators.Schemes;
using static Cce.Gen.SourceGenerators.Emitting.InvariantText;

namespace Cce.Gen.SourceGenerators.Families.PerRow.Sorted;

/// <summary>
/// Pass 2 of the sorted pipeline: dW without float atomics, one chunk of rows at a time. The chunk's (item, row)
/// pairs are counted per item, the counts scanned into offsets (by the runtime), the rows filled into each item's
/// segment, and each segment reduced by one sub-group that owns the item's dW row: it recomputes every logit from h
/// and w and sums coefficient · h in fp32 registers. The draws are regenerated from (seed, step, row, slot), never
/// stored. A last small pass adds each row's positive with atomics. With deterministic gradients each row's positive
/// joins its item's segment and every segment is summed in 64-bit fixed point, so no order of its terms changes a bit.
/// </summary>
internal sealed class SortedGradientEmitter : PerRowCode
{
    private const string Chunk = GlobalNames.PerRow + "SortedChunk";

    /// <summary>2^61: the most a segment's fixed-point terms may add up to, leaving a factor of 4 below a long's range.</summary>
    private const string FixedPointRoom = "2305843009213693952.0";

    /// <summary>2^100: the largest fixed-point scale, for segments whose terms are all zero.</summary>
    private const string LargestScale = "1.2676506002282294E+30";

    /// <summary>Prepares the second-pass kernels of one layout of a loss.</summary>
    public SortedGradientEmitter(SourceWriter writer, LossSettings settings, RowLayout layout, PerRowSchemeEmitter scheme)
        : base(writer, settings, layout, scheme)
    {
    }

    /// <summary>Counts the chunk's pairs per item into <c>chunk.Counts</c> (integer atomics on V counters that stay in L2).</summary>
    public void EmitCount(string name) =>
        EmitPairLoop(name, "Counts the (item, row) pairs of one chunk per item", () => W.Line(Ilgpu + "Atomic.Add(ref chunk.Counts[item], 1);"));

    /// <summary>Places each pair's row (relative to the chunk, 16 bits) at its item's cursor.</summary>
    public void EmitFill(string name) =>
        EmitPairLoop(name, "Writes the row of each (item, row) pair of one chunk into its item's segment", () =>
        {
            W.Line($"int position = {Ilgpu}Atomic.Add(ref chunk.Counts[item], 1);");
            W.Line("chunk.Payload[position] = (ushort)local;");
        });

    /// <summary>One sub-group per item: dW[item] = Σ over its segment of g · exp(logit − lse) · h, stored or added.</summary>
    public void EmitReduce(string name)
    {
        W.Line($"/// <summary>Reduces each item's segment of one chunk into its dW row, one owner per row: {Layout.Shape}</summary>");
        W.Open($"public static void {name}({GlobalNames.PerRow}PerRowArguments a, {Chunk} chunk)");
        Layout.OpenItemLoop(W);
        W.Comment("The item's segment of the chunk; a sub-group past the catalog walks an empty one.");
        W.Line($"bool real = {Layout.ItemInCatalog};");
        W.Line("int begin = real ? chunk.Offsets[item] : 0;");
        W.Line("int count = real ? chunk.Offsets[item + 1] - begin : 0;");
        W.Line("int longest = count;");
        if (Geometry.LanesPerItem < Geometry.LanesPerRow)
        {
            W.Comment("Every lane of the warp walks the longest segment of its sub-groups, so that all meet every shuffle.");
        }

        for (int offset = Geometry.LanesPerItem; offset < Geometry.LanesPerRow; offset <<= 1)
        {
            W.Line(Invariant($"longest = {GlobalNames.System}Math.Max(longest, {Ilgpu}Warp.ShuffleXor(longest, {offset}));"));
        }

        W.Comment("Unless this chunk stores every row, an item without pairs keeps its dW row as it is.");
        W.Block("if (longest == 0 && chunk.FirstChunk == 0)", () => W.Line(Layout.SkipItem));
        W.Line();
        W.Comment("The item's row, its logit correction and the upstream scale shared by every row.");
        W.Line("int at = real ? item : 0;");
        LoadChunks("vv", "(long)at", "a.Items");
        Widen("wv", "vv");
        W.Line($"float correction = {Scheme.Correction(Settings, "at")};");
        W.Line("float scale = a.MeanReduction != 0 ? a.Upstream / a.ValidRows[0] : a.Upstream;");
        if (Deterministic)
        {
            StartFixedPoint();
        }
        else
        {
            for (int e = 0; e < ElementsPerLane; e++)
            {
                W.Line(Invariant($"float acc{e} = 0f;"));
            }
        }

        W.Line();
        W.Comment(Invariant($"The segment's rows, {Tile.ItemsInFlight} in flight: gather h (the chunk's rows stay in L2), recompute the logit, add its share."));
        W.Open(Invariant($"for (int p = 0; p < longest; p += {Tile.ItemsInFlight})"));
        var dots = new List<string>();
        for (int f = 0; f < Tile.ItemsInFlight; f++)
        {
            W.Line(Invariant($"bool live{f} = p + {f} < count;"));
            W.Line(Invariant($"int row{f} = chunk.RowStart + (live{f} ? chunk.Payload[begin + p + {f}] : 0);"));
            LoadChunks(Invariant($"hv{f}_"), Invariant($"(long)row{f}"), "a.Hidden");
            Widen(Invariant($"h{f}_"), Invariant($"hv{f}_"));
            Dot(Invariant($"d{f}"), Invariant($"h{f}_"), "wv");
            dots.Add(Invariant($"d{f}"));
        }

        Reduce(dots);
        for (int f = 0; f < Tile.ItemsInFlight; f++)
        {
            W.Line(Invariant($"float g{f} = a.UpstreamPerRow.Length > 0 ? scale * a.UpstreamPerRow[row{f}] : scale;"));
            if (Deterministic)
            {
                W.Line(Invariant($"float lse{f} = a.RowLse[row{f}];"));
                W.Line(Invariant($"float k{f} = live{f} ? (a.Targets[row{f}] == item ? a.RowCoefficients[row{f}] : g{f} * {Exp}(d{f} + correction - lse{f})) * factor32 : 0f;"));
                W.Line(Invariant($"poison += live{f} ? (k{f} - k{f}) + (lse{f} - lse{f}) : 0f;"));
                for (int e = 0; e < ElementsPerLane; e++)
                {
                    W.Line(Invariant($"acc{e} += (long)(k{f} * h{f}_{e});"));
                }
            }
            else
            {
                W.Line(Invariant($"float k{f} = live{f} ? g{f} * {Exp}(d{f} + correction - a.RowLse[row{f}]) : 0f;"));
                for (int e = 0; e < ElementsPerLane; e++)
                {
                    W.Line(Invariant($"acc{e} += k{f} * h{f}_{e};"));
                }
            }
        }

        W.Close();
        if (Deterministic)
        {
            W.Line();
            W.Comment("Back to fp32: the scale is a power of two, so only the one conversion rounds; a non-finite term makes the row NaN.");
            for (int e = 0; e < ElementsPerLane; e++)
            {
                W.Line(Invariant($"float total{e} = (float)((double)acc{e} / factor) + poison;"));
            }
        }

        W.Line();
        W.Comment("The owner writes the row: stored by the first chunk of an overwriting call (so dW needs no zeroing), added otherwise.");
        W.Block("if (real)", () =>
        {
            for (int i = 0; i < Geometry.ChunksPerLane; i++)
            {
                int laneChunk = i;
                void Store()
                {
                    for (int t = 0; t < Geometry.VectorWidth; t++)
                    {
                        IndexExpression index = IndexExpression.Of("(long)item", Settings.HiddenSize) + (Layout.LaneChunk(laneChunk) * Geometry.VectorWidth) + t;
                        string acc = Invariant($"{(Deterministic ? "total" : "acc")}{(laneChunk * Geometry.VectorWidth) + t}");
                        W.Line($"a.GradItems[{index}] = chunk.FirstChunk != 0 ? {acc} : a.GradItems[{index}] + {acc};");
                    }
                }

                if (NeedsGuard(i))
                {
                    W.Block(Invariant($"if ({Layout.LaneChunk(i)} < {Geometry.Chunks})"), Store);
                }
                else
                {
                    Store();
                }
            }
        });
        W.Close();
        W.Close();
    }

    /// <summary>dW[target] += coefficient · h for every row with a coefficient, one thread per 16-byte chunk of the row.</summary>
    public void EmitPositives(string name)
    {
        int chunks = Geometry.Chunks;
        W.Line("/// <summary>Adds each row's positive item gradient into dW, after the sorted pass has written every row of it.</summary>");
        W.Open($"public static void {name}({GlobalNames.PerRow}PerRowArguments a)");
        W.Line(Invariant($"long total = (long)a.Rows * {chunks};"));
        W.Open($"for (long t = {Ilgpu}Grid.GlobalIndex.X; t < total; t += (long){Ilgpu}Grid.DimX * {Ilgpu}Group.DimX)");
        W.Line(Invariant($"int row = (int)(t / {chunks});"));
        W.Line(Invariant($"int part = (int)(t - (long)row * {chunks});"));
        W.Line("int target = a.Targets[row];");
        W.Line("float coefficient = a.RowCoefficients[row];");
        W.Block(Invariant($"if (target == {Settings.IgnoreIndex} || coefficient == 0f)"), () => W.Line("continue;"));
        W.Line();
        W.Line(Invariant($"{U4} hv = a.Hidden[(long)row * {chunks} + part];"));
        W.Line(Invariant($"long at = (long)target * {Settings.HiddenSize} + (long)part * {Geometry.VectorWidth};"));
        for (int t = 0; t < Geometry.VectorWidth; t++)
        {
            W.Line(PortableLayout.AtomicAdd(Invariant($"at + {t}"), $"coefficient * {ElementCode.Element(Settings.Element, "hv", t)}"));
        }

        W.Close();
        W.Close();
    }

    /// <summary>Whether dW must come out bitwise the same whatever order the fill wrote a segment in.</summary>
    private bool Deterministic => Settings.DeterministicGradients;

    /// <summary>
    /// The segment's fixed point: each term, at most twice the first pass's bound (a probability rounds to at most a little
    /// over 1), is scaled by a power of two so that count of them sum within 2^61, truncated to a long and summed
    /// exactly, so the order of the segment, which the fill leaves to the hardware, cannot change the sum. A term's
    /// coefficient or its row's log-sum-exp that is NaN or infinite (a non-finite h makes every logit of its row, and so
    /// its log-sum-exp, non-finite) is kept apart as a poison that turns the whole dW row NaN.
    /// </summary>
    private void StartFixedPoint()
    {
        W.Comment("Deterministic sums: each term scaled by a power of two so that the segment's terms fit a long in any order.");
        W.Line($"double room = {FixedPointRoom} / ((double){GlobalNames.System}Math.Max(count, 1) * (2.0 * {Ilgpu}Interop.IntAsFloat(a.TermBound[0])));");
        W.Line($"double factor = room < {LargestScale} ? {Ilgpu}Interop.IntAsFloat({Ilgpu}Interop.FloatAsInt(room) & 0xFFF0000000000000UL) : {LargestScale};");
        W.Line("float factor32 = (float)factor;");
        W.Line("float poison = 0f;");
        for (int e = 0; e < ElementsPerLane; e++)
        {
            W.Line(Invariant($"long acc{e} = 0L;"));
        }
    }

    /// <summary>
    /// A grid-stride loop over the chunk's (row, slot) pairs that skips ignored rows and accidental hits; a scheme that
    /// draws four slots at once gets one thread per four slots of a row, the rest one thread per slot.
    /// </summary>
    private void EmitPairLoop(string name, string summary, System.Action body)
    {
        int k = Settings.Negatives;
        bool four = Scheme.DrawFour(Settings, "row", "0") is not null;
        int perThread = four ? 4 : 1;
        int units = (k + perThread - 1) / perThread;
        int pairsPerRow = Deterministic ? k + 1 : k;
        W.Line($"/// <summary>{summary}; ignored rows and accidental hits have none{(Deterministic ? ", the positive has one" : string.Empty)}.</summary>");
        W.Open($"public static void {name}({GlobalNames.PerRow}PerRowArguments a, {Chunk} chunk)");
        W.Comment(four
            ? Invariant($"One thread per four slots of a row: {units} per row, drawn by one generator call.")
            : "One thread per (row, slot) pair.");
        W.Line(Invariant($"int work = chunk.Pairs / {pairsPerRow} * {units};"));
        W.Open($"for (int unit = {Ilgpu}Grid.GlobalIndex.X; unit < work; unit += {Ilgpu}Grid.DimX * {Ilgpu}Group.DimX)");
        W.Line(Invariant($"int local = unit / {units};"));
        W.Line(Invariant($"int first = (unit - local * {units}) * {perThread};"));
        W.Line("int row = chunk.RowStart + local;");
        W.Line("int target = a.Targets[row];");
        W.Block(Invariant($"if (target == {Settings.IgnoreIndex})"), () => W.Line("continue;"));
        W.Line();
        if (Deterministic)
        {
            W.Comment("The positive joins its item's segment, summed there with the negatives rather than added by atomics.");
            W.Block("if (first == 0)", () =>
            {
                W.Line("int item = target;");
                body();
            });
        }

        if (four)
        {
            W.Line($"{U4} draws = {Scheme.DrawFour(Settings, "row", "first >> 2")};");
            string[] words = { "X", "Y", "Z", "W" };
            for (int j = 0; j < 4; j++)
            {
                int word = j;
                string guard = k % 4 != 0 ? Invariant($"first + {j} < {k} && ") : string.Empty;
                W.Block(Invariant($"if ({guard}(int)draws.{words[j]} != target)"), () =>
                {
                    W.Line(Invariant($"int item = (int)draws.{words[word]};"));
                    body();
                });
            }
        }
        else if (Deterministic)
        {
            // A block of its own: the positive's block above declares an item too.
            W.Block(string.Empty, () =>
            {
                W.Line($"int item = {Scheme.Draw(Settings, "row", "first")};");
                W.Block("if (item != target)", body);
            });
        }
        else
        {
            W.Line($"int item = {Scheme.Draw(Settings, "row", "first")};");
            W.Block("if (item != target)", body);
        }

        W.Close();
        W.Close();
    }
}
