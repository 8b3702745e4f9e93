using Cce.Families.PerRow;
using System.Collections.Generic;
using Cce.Gen.SourceGenerators.Emitting;
using Cce.Gen.SourceGenerators.Models;
using Cce.Gen.SourceGenerators.Schemes;
using static Cce.Gen.SourceGenerators.Emitting.InvariantText;

namespace Cce.Gen.SourceGenerators.Families.PerRow;

/// <summary>
/// The statements every per-row kernel is built of, whatever its pipeline: the row's head and prologue, chunk loads
/// and widening, dot products and sub-group reductions, the online log-sum-exp pass, the gradient pass and the dH
/// store. Straight-line code: ILGPU does not unroll loops and would put indexed register arrays in local memory,
/// so every per-lane element, every item in flight and every shuffle step becomes its own scalar variable and
/// statement, with all sizes baked in as constants.
/// </summary>
/// <remarks>
/// The <see cref="RowLayout"/> says how threads share rows, the <see cref="PerRowSchemeEmitter"/> which item each slot holds
/// and how its logit is corrected, <see cref="ElementCode"/> how elements widen and pack, and an
/// <see cref="ItemGradientSink"/> what becomes of each item's gradient coefficient. Shuffles and guards follow from
/// the geometry alone, so a layout with one lane per row writes none.
/// </remarks>
internal abstract class PerRowCode
{
    /// <summary>Prefix of ILGPU's namespace in generated code.</summary>
    protected const string Ilgpu = GlobalNames.Ilgpu;

    /// <summary>fp32 exponential.</summary>
    protected const string Exp = GlobalNames.System + "MathF.Exp";

    /// <summary>fp32 natural logarithm.</summary>
    protected const string Log = GlobalNames.System + "MathF.Log";

    /// <summary>fp32 maximum.</summary>
    protected const string Max = GlobalNames.System + "MathF.Max";

    /// <summary>The 16-byte chunk type.</summary>
    protected const string U4 = GlobalNames.Kernels + "U4";

    /// <summary>Prepares the kernels of one layout of a loss, drawing negatives by <paramref name="scheme"/>.</summary>
    protected PerRowCode(SourceWriter writer, LossSettings settings, RowLayout layout, PerRowSchemeEmitter scheme)
    {
        W = writer;
        Settings = settings;
        Layout = layout;
        Scheme = scheme;
        Tile = layout.Tile;
        Geometry = layout.Geometry;
        ElementsPerLane = layout.ElementsPerLane;
        SlotsPerIteration = Geometry.ItemsPerWarp * Tile.ItemsInFlight;
        Iterations = (settings.Negatives + SlotsPerIteration - 1) / SlotsPerIteration;
        ChunkGuard = Geometry.ChunksPerLane * Geometry.LanesPerItem != Geometry.Chunks;
        SlotGuard = settings.Negatives % SlotsPerIteration != 0;
        DrawWindow = SharedDrawWindow();
    }

    /// <summary>Where the code goes.</summary>
    protected SourceWriter W { get; }

    /// <summary>The loss being emitted.</summary>
    protected LossSettings Settings { get; }

    /// <summary>The launch shape.</summary>
    protected TileModel Tile { get; }

    /// <summary>The mapping of the loss onto the lanes.</summary>
    protected PerRowGeometry Geometry { get; }

    /// <summary>How threads share rows.</summary>
    protected RowLayout Layout { get; }

    /// <summary>The negative scheme.</summary>
    protected PerRowSchemeEmitter Scheme { get; }

    /// <summary>The fp32 elements of a row each lane holds.</summary>
    protected int ElementsPerLane { get; }

    /// <summary>Slots one iteration of the item loop covers.</summary>
    protected int SlotsPerIteration { get; }

    /// <summary>Iterations of the item loop.</summary>
    protected int Iterations { get; }

    /// <summary>Whether some lane's last chunk lies past the row.</summary>
    protected bool ChunkGuard { get; }

    /// <summary>Whether the last iteration has slots past K.</summary>
    protected bool SlotGuard { get; }

    /// <summary>
    /// Iterations of the item loop that one Philox block per lane serves, the warp's sub-groups fetching their draws
    /// from the lanes that made them; 0 when each sub-group draws its own blocks.
    /// </summary>
    protected int DrawWindow { get; }

    /// <summary>
    /// Opens the kernel and its row loop, reads the target, finishes an ignored row (zero loss and LSE when
    /// <paramref name="forward"/>, zero dH when <paramref name="gradients"/>, plus <paramref name="ignored"/>), then
    /// loads h and the positive item's row and computes the positive logit s0. The caller closes two blocks.
    /// </summary>
    protected void OpenRow(string name, string summary, string ignoredText, bool forward, bool gradients, bool keepLogits, System.Action? ignored = null)
    {
        W.Line($"/// <summary>{summary}: {Layout.Shape}</summary>");
        W.Open($"public static void {name}({GlobalNames.PerRow}PerRowArguments a)");
        Layout.OpenRowLoop(W, keepLogits);
        W.Comment(Invariant($"The positive item; a row whose target is the ignore index ({Settings.IgnoreIndex}) {ignoredText}."));
        W.Line("int target = a.Targets[row];");
        W.Block(Invariant($"if (target == {Settings.IgnoreIndex})"), () =>
        {
            if (forward)
            {
                Layout.When(W, "lane == 0", () =>
                {
                    W.Line("a.RowLoss[row] = 0f;");
                    W.Line("a.RowLse[row] = 0f;");
                });
            }

            if (gradients)
            {
                WriteHiddenGradient(zero: true);
            }

            ignored?.Invoke();
            W.Line("continue;");
        });

        W.Line();
        W.Comment("Row prologue: h and the positive item's row, widened to fp32, and the positive logit s0.");
        LoadChunks("hv", "(long)row", "a.Hidden");
        Widen("h", "hv");
        LoadChunks("pv", "(long)target", "a.Items");
        Widen("wp", "pv");
        Dot("s0", "h", "wp");
        Reduce(new[] { "s0" });
    }

    /// <summary>
    /// The online log-sum-exp over the row's negatives, as a running (max, sum) in (m, sum), ending with lse and the
    /// row's loss and LSE stored. With <paramref name="keepLogits"/> each logit is kept in shared memory for a second
    /// pass; with <paramref name="accumulate"/> the softmax-weighted sum of the item rows runs along, rescaled as the
    /// max moves (acc0 … acc(E-1), the positive included), so dH needs no second gather.
    /// </summary>
    protected void EmitLogSumExpPass(bool keepLogits, bool accumulate = false)
    {
        W.Comment(Invariant($"Pass 1: online log-sum-exp over the {Settings.Negatives} negatives, as a running (max, sum) in (m, sum)."));
        Layout.StartLogSumExp(W);
        if (accumulate)
        {
            W.Comment("The softmax-weighted sum of item rows so far, relative to exp(m): the positive's row to start with.");
            for (int e = 0; e < ElementsPerLane; e++)
            {
                W.Line(Invariant($"float acc{e} = {Layout.FirstSubGroupOnly(Invariant($"wp{e}"), "0f")};"));
            }
        }

        OpenItemIterations();
        W.Comment("Gather the items' rows and dot each with h.");
        for (int f = 0; f < Tile.ItemsInFlight; f++)
        {
            LoadChunks(Invariant($"v{f}_"), Invariant($"(long)item{f}"), "a.Items");
        }

        var dots = new List<string>();
        for (int f = 0; f < Tile.ItemsInFlight; f++)
        {
            if (accumulate)
            {
                Widen(Invariant($"w{f}_"), Invariant($"v{f}_"));
                Dot(Invariant($"d{f}"), "h", Invariant($"w{f}_"));
            }
            else
            {
                DotFromChunks(Invariant($"d{f}"), "h", Invariant($"v{f}_"));
            }

            dots.Add(Invariant($"d{f}"));
        }

        Reduce(dots);
        W.Comment(keepLogits
            ? "Fold each negative's logit into (m, sum), unless it hit the positive, and keep it for pass 2."
            : accumulate
                ? "Fold each negative's logit into (m, sum) and its row into acc, unless it hit the positive."
                : "Fold each negative's logit into (m, sum), unless it hit the positive.");
        for (int f = 0; f < Tile.ItemsInFlight; f++)
        {
            int flight = f;
            string live = Invariant($"kept{f}");
            W.Line(Invariant($"bool {live} = {Valid(f)}item{f} != target;"));
            W.Line(Invariant($"float logit{f} = d{f} + {Scheme.Correction(Settings, Invariant($"item{f}"))};"));
            W.Block(Invariant($"if ({live})"), () =>
            {
                W.Line(Invariant($"float next{flight} = {Max}(m, logit{flight});"));
                if (accumulate)
                {
                    W.Line(Invariant($"float scale{flight} = {Exp}(m - next{flight});"));
                    W.Line(Invariant($"float weight{flight} = {Exp}(logit{flight} - next{flight});"));
                    W.Line(Invariant($"sum = sum * scale{flight} + weight{flight};"));
                    for (int e = 0; e < ElementsPerLane; e++)
                    {
                        W.Line(Invariant($"acc{e} = acc{e} * scale{flight} + weight{flight} * w{flight}_{e};"));
                    }
                }
                else
                {
                    W.Line(Invariant($"sum = sum * {Exp}(m - next{flight}) + {Exp}(logit{flight} - next{flight});"));
                }

                W.Line(Invariant($"m = next{flight};"));
            });
            if (keepLogits)
            {
                W.Block(Invariant($"if (subLane == 0{(SlotGuard ? $" && slot{f} < {Settings.Negatives}" : string.Empty)})"), () =>
                    W.Line(Invariant($"logits[1 + slot{flight}] = {live} ? logit{flight} : float.NegativeInfinity;")));
            }
        }

        CloseItemIterations();
        if (Geometry.LanesPerItem < Geometry.LanesPerRow)
        {
            W.Line();
            W.Comment(accumulate ? "Merge the sub-groups' running (max, sum, acc)." : "Merge the sub-groups' running (max, sum).");
        }

        for (int offset = Geometry.LanesPerItem; offset < Geometry.LanesPerRow; offset <<= 1)
        {
            int step = offset;
            W.Block(string.Empty, () =>
            {
                W.Line(Invariant($"float otherM = {Ilgpu}Warp.ShuffleXor(m, {step});"));
                W.Line(Invariant($"float otherSum = {Ilgpu}Warp.ShuffleXor(sum, {step});"));
                W.Line($"float merged = {Max}(m, otherM);");
                if (accumulate)
                {
                    // An empty sub-group has m = -inf; exp(-inf - -inf) would be NaN, so its weight is 0 outright.
                    W.Line($"float mine = m == float.NegativeInfinity ? 0f : {Exp}(m - merged);");
                    W.Line($"float theirs = otherM == float.NegativeInfinity ? 0f : {Exp}(otherM - merged);");
                    W.Line("sum = sum * mine + otherSum * theirs;");
                    for (int e = 0; e < ElementsPerLane; e++)
                    {
                        W.Line(Invariant($"acc{e} = acc{e} * mine + {Ilgpu}Warp.ShuffleXor(acc{e}, {step}) * theirs;"));
                    }
                }
                else
                {
                    W.Line($"sum = merged == float.NegativeInfinity ? 0f : sum * {Exp}(m - merged) + otherSum * {Exp}(otherM - merged);");
                }

                W.Line("m = merged;");
            });
        }

        W.Line();
        W.Comment("The row's log-sum-exp and loss.");
        W.Line($"float lse = m + {Log}(sum);");
        Layout.When(W, "lane == 0", () =>
        {
            W.Line("a.RowLoss[row] = lse - s0;");
            W.Line("a.RowLse[row] = lse;");
        });
    }

    /// <summary>The row's upstream gradient g: the scalar, times the row's own when given, over the valid rows for a mean.</summary>
    protected void RowUpstream()
    {
        W.Comment("The row's upstream gradient g: the scalar, times the row's own when given, over the valid rows for a mean.");
        W.Line("float g = a.Upstream;");
        W.Block("if (a.UpstreamPerRow.Length > 0)", () => W.Line("g *= a.UpstreamPerRow[row];"));
        W.Block("if (a.MeanReduction != 0)", () => W.Line("g /= a.ValidRows[0];"));
    }

    /// <summary>
    /// dH in registers from the row's LSE (coefficient g · exp(logit − lse) per negative, g · (exp(s0 − lse) − 1) for the
    /// positive), the logits read back from shared memory or recomputed; each item's coefficient goes to <paramref name="items"/>.
    /// </summary>
    protected void EmitGradientPass(bool logitsKept, ItemGradientSink items)
    {
        RowUpstream();
        if (logitsKept)
        {
            W.Comment("The logits were stored by lane 0 of each sub-group; make them visible to its other lanes.");
            W.Line(Ilgpu + "Warp.Barrier();");
        }

        W.Line();
        W.Comment(items.PassComment(logitsKept));
        for (int e = 0; e < ElementsPerLane; e++)
        {
            W.Line(Invariant($"float dh{e} = 0f;"));
        }

        items.Prepare(W, Layout);
        W.Comment("The positive item, once per row: coefficient g * (exp(s0 - lse) - 1).");
        Layout.When(W, "sub == 0", () =>
        {
            W.Line($"float cp = g * ({Exp}(s0 - lse) - 1f);");
            for (int e = 0; e < ElementsPerLane; e++)
            {
                W.Line(Invariant($"dh{e} += cp * wp{e};"));
            }

            items.Positive(W, Layout, "cp");
        });

        OpenItemIterations();
        W.Comment(logitsKept ? items.KeptComment : "Gather the items' rows and dot each with h.");
        for (int f = 0; f < Tile.ItemsInFlight; f++)
        {
            int flight = f;
            if (logitsKept)
            {
                W.Line(Invariant($"float c{f} = {(SlotGuard ? $"slot{f} < {Settings.Negatives} ? " : string.Empty)}g * {Exp}(logits[1 + slot{f}] - lse){(SlotGuard ? " : 0f" : string.Empty)};"));
                W.Block(Invariant($"if (c{f} != 0f)"), () =>
                {
                    LoadChunks(Invariant($"v{flight}_"), Invariant($"(long)item{flight}"), "a.Items");
                    Widen(Invariant($"w{flight}_"), Invariant($"v{flight}_"));
                    AccumulateHiddenGradient(Invariant($"c{flight}"), Invariant($"w{flight}_"));
                    items.Negative(W, Layout, Invariant($"item{flight}"), Invariant($"c{flight}"));
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
            for (int f = 0; f < Tile.ItemsInFlight; f++)
            {
                dots.Add(Invariant($"d{f}"));
            }

            Reduce(dots);
            W.Comment(items.RecomputedComment);
            for (int f = 0; f < Tile.ItemsInFlight; f++)
            {
                int flight = f;
                W.Line(Invariant($"float c{f} = {Valid(f)}item{f} != target ? g * {Exp}(d{f} + {Scheme.Correction(Settings, Invariant($"item{f}"))} - lse) : 0f;"));
                W.Block(Invariant($"if (c{f} != 0f)"), () =>
                {
                    AccumulateHiddenGradient(Invariant($"c{flight}"), Invariant($"w{flight}_"));
                    items.Negative(W, Layout, Invariant($"item{flight}"), Invariant($"c{flight}"));
                });
            }
        }

        CloseItemIterations();
        SumHiddenGradientOverSubGroups();
        W.Line();
        W.Comment("Write dH in its element type.");
        WriteHiddenGradient(zero: false);
    }

    /// <summary>Sums dh0 … dh(E-1) over the sub-groups of a row.</summary>
    protected void SumHiddenGradientOverSubGroups()
    {
        if (Geometry.LanesPerItem < Geometry.LanesPerRow)
        {
            W.Line();
            W.Comment("Sum dH over the sub-groups.");
        }

        for (int offset = Geometry.LanesPerItem; offset < Geometry.LanesPerRow; offset <<= 1)
        {
            for (int e = 0; e < ElementsPerLane; e++)
            {
                W.Line(Invariant($"dh{e} += {Ilgpu}Warp.ShuffleXor(dh{e}, {offset});"));
            }
        }
    }

    /// <summary>
    /// Opens the loop over the row's negatives, one iteration per <see cref="SlotsPerIteration"/> slots, with each slot's
    /// item in scope (in a block of its own when a shared draw window lives across iterations); <see cref="CloseItemIterations"/> closes it.
    /// </summary>
    protected void OpenItemIterations()
    {
        if (DrawWindow > 0)
        {
            int blocks = 32 / DrawWindow;
            W.Comment(Invariant($"The draws, four per Philox call: the warp needs {blocks} blocks an iteration, so lane l makes block 32 * w + l of window w, which serves {DrawWindow} iterations, and each sub-group fetches its words from the lane that made them."));
            W.Open(string.Empty);
            W.Line($"{U4} shared = default;");
        }

        W.Open(Invariant($"for (int it = 0; it < {Iterations}; it++)"));
        SlotsAndItems();
    }

    /// <summary>Closes what <see cref="OpenItemIterations"/> opened.</summary>
    protected void CloseItemIterations()
    {
        W.Close();
        if (DrawWindow > 0)
        {
            W.Close();
        }
    }

    /// <summary>The slots these lanes handle in this iteration and the item of each; a slot past K stands in as the target, which every pass skips.</summary>
    protected void SlotsAndItems()
    {
        W.Comment(SlotGuard
            ? Invariant($"The slots of this iteration and their items; a slot past {Settings.Negatives} stands in as the target, which is skipped.")
            : "The slots of this iteration and their items.");
        W.Line($"int slotBase = {Layout.SlotBase(SlotsPerIteration)};");
        string[] draws = SlotDraws();
        for (int f = 0; f < Tile.ItemsInFlight; f++)
        {
            W.Line(Invariant($"int slot{f} = {IndexExpression.Of("slotBase") + f};"));
            W.Line(SlotGuard
                ? Invariant($"int item{f} = slot{f} < {Settings.Negatives} ? {draws[f]} : target;")
                : Invariant($"int item{f} = {draws[f]};"));
        }
    }

    /// <summary>
    /// The draw of each item in flight. The slots in flight are consecutive from slotBase, a multiple of the items in
    /// flight; when the scheme draws four slots at once and that count is 2, 4 or 8, one call per four slots serves them
    /// (its words declared here), else each slot is drawn alone.
    /// </summary>
    private string[] SlotDraws()
    {
        int flight = Tile.ItemsInFlight;
        var draws = new string[flight];
        string[] words = { "X", "Y", "Z", "W" };
        if (DrawWindow > 0)
        {
            int blocks = 32 / DrawWindow;
            W.Block(Invariant($"if ((it & {DrawWindow - 1}) == 0)"), () =>
                W.Line($"shared = {Scheme.DrawFour(Settings, "row", Invariant($"((it >> {PowerOfTwo.Log2(DrawWindow)}) << 5) + lane"))};"));
            for (int f = 0; f < flight; f++)
            {
                // Every lane shuffles, whether or not its slot lies within K, so the warp stays converged.
                IndexExpression source = (IndexExpression.Of(Invariant($"(it & {DrawWindow - 1})")) * blocks) + (IndexExpression.Of("sub") * (flight / 4)) + (f / 4);
                W.Line(Invariant($"uint drawn{f} = {Ilgpu}Warp.Shuffle(shared.{words[f % 4]}, {source});"));
                draws[f] = Invariant($"(int)drawn{f}");
            }

            return draws;
        }

        if (flight is 2 or 4 or 8 && Scheme.DrawFour(Settings, "row", "0") is not null)
        {
            for (int b = 0; b < (flight + 3) / 4; b++)
            {
                W.Line(Invariant($"{U4} draws{b} = {Scheme.DrawFour(Settings, "row", Invariant($"(slotBase >> 2) + {b}"))};"));
            }

            for (int f = 0; f < flight; f++)
            {
                draws[f] = flight == 2
                    ? Invariant($"(int)((slotBase & 2) == 0 ? draws0.{words[f]} : draws0.{words[f + 2]})")
                    : Invariant($"(int)draws{f / 4}.{words[f % 4]}");
            }

            return draws;
        }

        for (int f = 0; f < flight; f++)
        {
            draws[f] = Scheme.Draw(Settings, "row", Invariant($"slot{f}"));
        }

        return draws;
    }

    /// <summary>
    /// The draw window of a warp layout whose scheme draws four slots at once with 4 or 8 items in flight: the warp needs
    /// fewer blocks an iteration than it has lanes, so each lane's block can serve several iterations.
    /// </summary>
    private int SharedDrawWindow()
    {
        int flight = Tile.ItemsInFlight;
        if (Geometry.LanesPerRow != PerRowGeometry.WarpSize || flight is not (4 or 8) || Scheme.DrawFour(Settings, "row", "0") is null)
        {
            return 0;
        }

        int blocks = Geometry.ItemsPerWarp * flight / 4;
        return blocks < PerRowGeometry.WarpSize ? PerRowGeometry.WarpSize / blocks : 0;
    }

    /// <summary>The guard that a slot of the item in flight <paramref name="flight"/> lies within K, when the last iteration can pass it.</summary>
    protected string Valid(int flight) => SlotGuard ? Invariant($"slot{flight} < {Settings.Negatives} && ") : string.Empty;

    /// <summary>Loads this lane's 16-byte chunks of one row, at the chunk indices the layout assigns it.</summary>
    protected void LoadChunks(string prefix, string rowExpression, string view)
    {
        for (int i = 0; i < Geometry.ChunksPerLane; i++)
        {
            IndexExpression index = IndexExpression.Of(rowExpression, Geometry.Chunks) + Layout.LaneChunk(i);
            W.Line(NeedsGuard(i)
                ? Invariant($"{U4} {prefix}{i} = {Layout.LaneChunk(i)} < {Geometry.Chunks} ? {view}[{index}] : default;")
                : Invariant($"{U4} {prefix}{i} = {view}[{index}];"));
        }
    }

    /// <summary>Whether chunk <paramref name="chunk"/> of a lane can lie past the row.</summary>
    protected bool NeedsGuard(int chunk) => ChunkGuard && (chunk + 1) * Geometry.LanesPerItem > Geometry.Chunks;

    /// <summary>Widens chunk words into fp32 scalars named prefix0 … prefix(E-1).</summary>
    protected void Widen(string prefix, string chunkPrefix)
    {
        for (int i = 0; i < Geometry.ChunksPerLane; i++)
        {
            for (int t = 0; t < Geometry.VectorWidth; t++)
            {
                W.Line(Invariant($"float {prefix}{(i * Geometry.VectorWidth) + t} = {ElementCode.Element(Settings.Element, chunkPrefix + i, t)};"));
            }
        }
    }

    /// <summary>A dot product of two widened rows over this lane's elements.</summary>
    protected void Dot(string name, string left, string right)
    {
        W.Line(Invariant($"float {name} = {left}0 * {right}0;"));
        for (int e = 1; e < ElementsPerLane; e++)
        {
            W.Line(Invariant($"{name} += {left}{e} * {right}{e};"));
        }
    }

    /// <summary>A dot product straight from the loaded chunks, without naming the widened item elements.</summary>
    protected void DotFromChunks(string name, string left, string chunkPrefix)
    {
        for (int e = 0; e < ElementsPerLane; e++)
        {
            string element = ElementCode.Element(Settings.Element, chunkPrefix + (e / Geometry.VectorWidth), e % Geometry.VectorWidth);
            W.Line(e == 0
                ? Invariant($"float {name} = {left}{e} * {element};")
                : Invariant($"{name} += {left}{e} * {element};"));
        }
    }

    /// <summary>Butterfly sum over the lanes of a sub-group; independent values interleave to hide shuffle latency.</summary>
    protected void Reduce(IReadOnlyList<string> values)
    {
        if (Geometry.LanesPerItem > 1)
        {
            W.Comment(values.Count == 1 ? "Sum the dot over the sub-group's lanes." : "Sum each dot over the sub-group's lanes.");
        }

        for (int offset = Geometry.LanesPerItem / 2; offset >= 1; offset >>= 1)
        {
            foreach (string value in values)
            {
                W.Line(Invariant($"{value} += {Ilgpu}Warp.ShuffleXor({value}, {offset});"));
            }
        }
    }

    /// <summary>dh += coefficient · item row over this lane's elements.</summary>
    protected void AccumulateHiddenGradient(string coefficient, string itemPrefix)
    {
        for (int e = 0; e < ElementsPerLane; e++)
        {
            W.Line(Invariant($"dh{e} += {coefficient} * {itemPrefix}{e};"));
        }
    }

    /// <summary>
    /// Sub-group 0 writes the row of dH in the gradient's element type: zeros for an ignored row, unless the call
    /// accumulates, which adds the row to what dH holds (in fp32, rounded once) and leaves an ignored row alone.
    /// </summary>
    protected void WriteHiddenGradient(bool zero)
    {
        Layout.When(W, "sub == 0", () =>
        {
            int perChunk = Geometry.GradientChunks / Geometry.Chunks;
            for (int i = 0; i < Geometry.ChunksPerLane; i++)
            {
                int chunk = i;
                void Body()
                {
                    for (int part = 0; part < perChunk; part++)
                    {
                        IndexExpression index = IndexExpression.Of("(long)row", Geometry.GradientChunks) + (Layout.LaneChunk(chunk) * perChunk) + part;
                        if (zero)
                        {
                            W.Line(Invariant($"if (a.AccumulateHiddenGradient == 0) {{ a.GradHidden[{index}] = default({U4}); }}"));
                            continue;
                        }

                        AddPriorHiddenGradient(index, chunk, part, perChunk);
                        W.Line(Invariant($"a.GradHidden[{index}] = {GradientChunk(chunk, part, perChunk)};"));
                    }
                }

                if (NeedsGuard(i))
                {
                    W.Block(Invariant($"if ({Layout.LaneChunk(i)} < {Geometry.Chunks})"), Body);
                }
                else
                {
                    Body();
                }
            }
        });
    }

    /// <summary>When the call accumulates: the dH scalars of one gradient chunk take in what the chunk at <paramref name="index"/> holds.</summary>
    private void AddPriorHiddenGradient(IndexExpression index, int chunk, int part, int perChunk)
    {
        ElementType stored = Geometry.GradientBytes == 4 ? ElementType.Float32 : Settings.Element;
        int elements = Geometry.VectorWidth / perChunk;
        int first = (chunk * Geometry.VectorWidth) + (part * elements);
        W.Block("if (a.AccumulateHiddenGradient != 0)", () =>
        {
            W.Line(Invariant($"{U4} prior = a.GradHidden[{index}];"));
            for (int t = 0; t < elements; t++)
            {
                W.Line(Invariant($"dh{first + t} += {ElementCode.Element(stored, "prior", t)};"));
            }
        });
    }

    /// <summary>Part <paramref name="part"/> of the dH chunks that chunk <paramref name="chunk"/> of h turns into (two when dH is fp32 and h is 16-bit).</summary>
    protected string GradientChunk(int chunk, int part, int perChunk) =>
        ElementCode.GradientChunk(Settings.Element, Geometry.GradientBytes, "dh", (chunk * Geometry.VectorWidth) + (part * Geometry.VectorWidth / perChunk));
}
