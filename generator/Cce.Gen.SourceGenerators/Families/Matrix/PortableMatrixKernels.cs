using Cce.Families.PerRow;
using Cce.Gen.SourceGenerators.Emitting;
using Cce.Gen.SourceGenerators.Models;
using static Cce.Gen.SourceGenerators.Emitting.InvariantText;

namespace Cce.Gen.SourceGenerators.Families.Matrix;

/// <summary>
/// The matrix kernels as plain loops of FMAs: a thread owns a row (an item, in the item pass) and walks the whole other
/// side alone, its share of H or W and its dH or dW row in registers. The same math as the tiled kernels, for ILGPU's
/// CPU accelerator, where no lane should wait for another.
/// </summary>
internal sealed class PortableMatrixKernels : MatrixKernelSource
{
    private const string Ilgpu = GlobalNames.Ilgpu;
    private const string U4 = GlobalNames.Kernels + "U4";
    private const string Exp = GlobalNames.System + "MathF.Exp";
    private const string Log = GlobalNames.System + "MathF.Log";
    private const string Stride = Ilgpu + "Grid.DimX * " + Ilgpu + "Group.DimX";
    private const string Atomic = Ilgpu + "Atomic.Add";
    private readonly bool candidate;
    private readonly PerRowGeometry vectors;

    /// <summary>Writes the portable kernels, or with <paramref name="candidate"/> the same loops under a tile candidate's name.</summary>
    public PortableMatrixKernels(LossSettings settings, MatrixTileModel tile, bool candidate = false)
        : base(settings, tile)
    {
        this.candidate = candidate;
        vectors = new PerRowGeometry(settings.Element, settings.HiddenSize, 1, settings.HiddenGradient, warps: 1, lanesPerRow: 1);
    }

    /// <inheritdoc />
    public override string Suffix => candidate ? Tile.Suffix : "Portable";

    /// <inheritdoc />
    public override string Name => candidate ? Tile.Suffix : "portable";

    /// <inheritdoc />
    public override string Layout => candidate ? "Warp" : "Portable";

    /// <inheritdoc />
    public override string Shape => "one thread owns a row (an item, in the item pass) and walks the other side alone.";

    private int D => Settings.HiddenSize;

    /// <inheritdoc />
    public override void Emit(SourceWriter w)
    {
        EmitForwardRows(w);
        w.Line();
        EmitGradientRows(w, "ForwardGradientRows", "Log-sum-exp, loss and dH of each row: one walk for the log-sum-exp, one for dH.", forward: true);
        w.Line();
        EmitGradientRows(w, "GradientRows", "dH of each row from the saved log-sum-exp.", forward: false);
        w.Line();
        EmitGradientItems(w);
    }

    private void EmitForwardRows(SourceWriter w)
    {
        w.Line("/// <summary>Log-sum-exp and loss of each row.</summary>");
        w.Open($"public static void ForwardRows({GlobalNames.Matrix}MatrixArguments a)");
        w.Open($"for (int row = {Ilgpu}Grid.GlobalIndex.X; row < a.Rows; row += {Stride})");
        w.Line("int y = a.Targets[row];");
        w.Block(Invariant($"if (y == {Settings.IgnoreIndex})"), () =>
        {
            w.Line("a.RowLoss[row] = 0f;");
            w.Line("a.RowLse[row] = 0f;");
            w.Line("continue;");
        });
        LoadRow(w, "h", "a.Hidden", "row");
        EmitLogSumExp(w);
        w.Line("float lse = m + " + Log + "(sum);");
        w.Line("a.RowLse[row] = lse;");
        w.Line("a.RowLoss[row] = lse - target;");
        w.Close();
        w.Close();
    }

    private void EmitGradientRows(SourceWriter w, string name, string summary, bool forward)
    {
        w.Line($"/// <summary>{summary}</summary>");
        w.Open($"public static void {name}({GlobalNames.Matrix}MatrixArguments a)");
        w.Open($"for (int row = {Ilgpu}Grid.GlobalIndex.X; row < a.Rows; row += {Stride})");
        w.Line("int y = a.Targets[row];");
        w.Block(Invariant($"if (y == {Settings.IgnoreIndex})"), () =>
        {
            if (forward)
            {
                w.Line("a.RowLoss[row] = 0f;");
                w.Line("a.RowLse[row] = 0f;");
            }

            w.Block("if (a.AccumulateHiddenGradient == 0)", () =>
            {
                for (int c = 0; c < vectors.GradientChunks; c++)
                {
                    w.Line(Invariant($"a.GradHidden[(long)row * {vectors.GradientChunks} + {c}] = default({U4});"));
                }
            });
            w.Line("continue;");
        });
        LoadRow(w, "h", "a.Hidden", "row");
        if (forward)
        {
            EmitLogSumExp(w);
            w.Line("float lse = m + " + Log + "(sum);");
            w.Line("a.RowLse[row] = lse;");
            w.Line("a.RowLoss[row] = lse - target;");
        }
        else
        {
            w.Line("float lse = a.RowLse[row];");
            if (Gathered)
            {
                Dot(w, "target", "h", "a.Items", "y", "wy");
            }
        }

        RowCoefficient(w);
        Zero(w, "dh");
        OpenCandidates(w);
        Dot(w, "s", "h", "a.Items", "item", "w");
        EmitTerm(w, "lse", filtered: !forward);
        for (int e = 0; e < D; e++)
        {
            w.Line(Invariant($"dh{e} += p * w{e};"));
        }

        w.Close();
        if (Gathered)
        {
            // The positive, apart from the set: its term of dH here, and its row of dW added to the set's scatter.
            w.Line($"float p0 = g * ({Exp}(target - lse) - 1f);");
            for (int e = 0; e < D; e++)
            {
                w.Line(Invariant($"dh{e} += p0 * wy{e};"));
            }

            w.Line(Invariant($"long dwy = (long)y * {D};"));
            for (int e = 0; e < D; e++)
            {
                w.Line(Invariant($"{Atomic}(ref a.GradItems[dwy + {e}], p0 * h{e});"));
            }
        }

        WriteHiddenGradient(w);
        w.Close();
        w.Close();
    }

    /// <summary>
    /// Opens the walk over a row's candidates, declaring <c>item</c>: every item of the catalog, or the slots of the
    /// row's group with the slots that hold no item or the row's own positive skipped (accidental hits, in-batch the
    /// row's own slot and duplicates of its positive).
    /// </summary>
    private void OpenCandidates(SourceWriter w)
    {
        if (!Gathered)
        {
            w.Open("for (int item = 0; item < a.Catalog; item++)");
            return;
        }

        w.Open("for (int slot = 0; slot < a.Slots; slot++)");
        w.Line($"int item = {Scheme.SlotItem(Settings, "(row / a.GroupRows)", "slot")};");
        w.Block("if (item < 0 || item == y)", () => w.Line("continue;"));
    }

    private void EmitGradientItems(SourceWriter w)
    {
        if (Gathered)
        {
            EmitGatheredGradientItems(w);
            return;
        }

        w.Line("/// <summary>dW of each item from the saved log-sum-exp: one owner per row of dW, the rows summed in order.</summary>");
        w.Open($"public static void GradientItems({GlobalNames.Matrix}MatrixArguments a)");
        w.Open($"for (int item = {Ilgpu}Grid.GlobalIndex.X; item < a.Catalog; item += {Stride})");
        LoadRow(w, "w", "a.Items", "item");
        Zero(w, "dw");
        w.Open("for (int row = 0; row < a.Rows; row++)");
        w.Line("int y = a.Targets[row];");
        w.Block(Invariant($"if (y == {Settings.IgnoreIndex})"), () => w.Line("continue;"));
        Dot(w, "s", "w", "a.Hidden", "row", "h");
        RowCoefficient(w);
        EmitTerm(w, "a.RowLse[row]", filtered: true);
        for (int e = 0; e < D; e++)
        {
            w.Line(Invariant($"dw{e} += p * h{e};"));
        }

        w.Close();
        w.Line(Invariant($"long dwRow = (long)item * {D};"));
        w.Block("if (a.AccumulateItemGradient != 0)", () =>
        {
            for (int e = 0; e < D; e++)
            {
                w.Line(Invariant($"dw{e} += a.GradItems[dwRow + {e}];"));
            }
        });
        for (int e = 0; e < D; e++)
        {
            w.Line(Invariant($"a.GradItems[dwRow + {e}] = dw{e};"));
        }

        w.Close();
        w.Close();
    }

    /// <summary>
    /// dW of each slot of each group's set from the saved log-sum-exp: a thread owns a (group, slot), sums its terms over
    /// the group's rows in order and adds them to the item's row of dW, which duplicate slots, other groups and the
    /// positives' rows share.
    /// </summary>
    private void EmitGatheredGradientItems(SourceWriter w)
    {
        w.Line("/// <summary>dW of each slot of each group's candidate set from the saved log-sum-exp, added to its item's row.</summary>");
        w.Open($"public static void GradientItems({GlobalNames.Matrix}MatrixArguments a)");
        w.Line("long slots = (long)((a.Rows + a.GroupRows - 1) / a.GroupRows) * a.Slots;");
        w.Open($"for (long owned = {Ilgpu}Grid.GlobalIndex.X; owned < slots; owned += {Stride})");
        w.Line("int group = (int)(owned / a.Slots);");
        w.Line("int slot = (int)(owned - ((long)group * a.Slots));");
        w.Line($"int item = {Scheme.SlotItem(Settings, "group", "slot")};");
        w.Block("if (item < 0)", () => w.Line("continue;"));
        LoadRow(w, "w", "a.Items", "item");
        w.Line($"float correction = {Scheme.Correction(Settings, "item")};");
        Zero(w, "dw");
        w.Line("int first = group * a.GroupRows;");
        w.Line("int end = first + a.GroupRows < a.Rows ? first + a.GroupRows : a.Rows;");
        w.Open("for (int row = first; row < end; row++)");
        w.Line("int y = a.Targets[row];");
        w.Block(Invariant($"if (y == {Settings.IgnoreIndex} || y == item)"), () => w.Line("continue;"));
        Dot(w, "s", "w", "a.Hidden", "row", "h");
        w.Line("s += correction;");
        RowCoefficient(w);
        w.Line($"float p = g * {Exp}(s - a.RowLse[row]);");
        for (int e = 0; e < D; e++)
        {
            w.Line(Invariant($"dw{e} += p * h{e};"));
        }

        w.Close();
        w.Line(Invariant($"long dwRow = (long)item * {D};"));
        for (int e = 0; e < D; e++)
        {
            w.Line(Invariant($"{Atomic}(ref a.GradItems[dwRow + {e}], dw{e});"));
        }

        w.Close();
        w.Close();
    }

    /// <summary>
    /// p = g (exp(s − lse) − [item = y]); with a filter a term whose probability is below the threshold is left out here,
    /// term by term (never the one-hot term, nor a NaN, which the comparison does not pass).
    /// </summary>
    private void EmitTerm(SourceWriter w, string lse, bool filtered)
    {
        if (Gathered)
        {
            // The set never holds the row's positive (masked), whose term is added apart.
            w.Line($"float p = g * {Exp}(s + {Scheme.Correction(Settings, "item")} - {lse});");
            return;
        }

        w.Line($"float p = {Exp}(s - {lse});");
        if (filtered && Settings.GradientFilter > 0f)
        {
            w.Block(Invariant($"if (item != y && p < {Settings.GradientFilter:R}f)"), () => w.Line("continue;"));
        }

        w.Line("p *= g;");
        w.Block("if (item == y)", () => w.Line("p -= g;"));
    }

    /// <summary>
    /// Online log-sum-exp of the row's logits over its candidates, keeping the positive's logit as <c>target</c>: among
    /// the catalog's items, or for a gathered set first (with its row of W as <c>wy</c>) and then every unmasked slot.
    /// </summary>
    private void EmitLogSumExp(SourceWriter w)
    {
        if (Gathered)
        {
            Dot(w, "target", "h", "a.Items", "y", "wy");
            w.Line("float m = target;");
            w.Line("float sum = 1f;");
        }
        else
        {
            w.Line("float m = float.NegativeInfinity;");
            w.Line("float sum = 0f;");
            w.Line("float target = 0f;");
        }

        OpenCandidates(w);
        Dot(w, "s", "h", "a.Items", "item", "w");
        if (Gathered)
        {
            w.Line($"s += {Scheme.Correction(Settings, "item")};");
        }
        else
        {
            w.Block("if (item == y)", () => w.Line("target = s;"));
        }

        w.Comment("Rescaling by the new maximum keeps every exponential at most 1; a NaN logit makes the sum NaN.");
        w.Block("if (s > m)", () =>
        {
            w.Line($"sum = sum * {Exp}(m - s) + 1f;");
            w.Line("m = s;");
        });
        w.Block("else", () => w.Line($"sum += {Exp}(s - m);"));
        w.Close();
    }

    /// <summary>The row's share of the reduced loss's gradient, formed once per call by the runtime's <c>RowCoefficients</c> pass.</summary>
    private static void RowCoefficient(SourceWriter w) => w.Line("float g = a.RowCoefficients[row];");

    /// <summary>Declares <paramref name="prefix"/>0 … as the widened elements of row <paramref name="index"/> of <paramref name="view"/>.</summary>
    private void LoadRow(SourceWriter w, string prefix, string view, string index)
    {
        for (int c = 0; c < vectors.Chunks; c++)
        {
            w.Line(Invariant($"{U4} {prefix}c{c} = {view}[(long){index} * {vectors.Chunks} + {c}];"));
            for (int e = 0; e < vectors.VectorWidth; e++)
            {
                w.Line(Invariant($"float {prefix}{(c * vectors.VectorWidth) + e} = {ElementCode.Element(Settings.Element, prefix + "c" + c, e)};"));
            }
        }
    }

    /// <summary>
    /// <paramref name="result"/> = the dot product of the registers <paramref name="mine"/>0 … with row
    /// <paramref name="index"/> of <paramref name="view"/>, whose widened elements stay in scope as <paramref name="prefix"/>0 ….
    /// </summary>
    private void Dot(SourceWriter w, string result, string mine, string view, string index, string prefix)
    {
        LoadRow(w, prefix, view, index);
        w.Line($"float {result} = 0f;");
        for (int e = 0; e < D; e++)
        {
            w.Line(Invariant($"{result} += {mine}{e} * {prefix}{e};"));
        }
    }

    private void Zero(SourceWriter w, string prefix)
    {
        for (int e = 0; e < D; e++)
        {
            w.Line(Invariant($"float {prefix}{e} = 0f;"));
        }
    }

    /// <summary>The row of dH in the gradient's element type, added to what the buffer holds when the call accumulates (in fp32, rounded once).</summary>
    private void WriteHiddenGradient(SourceWriter w)
    {
        ElementType stored = vectors.GradientBytes == 4 ? ElementType.Float32 : Settings.Element;
        int perChunk = vectors.GradientVectorWidth;
        w.Block("if (a.AccumulateHiddenGradient != 0)", () =>
        {
            for (int c = 0; c < vectors.GradientChunks; c++)
            {
                w.Line(Invariant($"{U4} prior{c} = a.GradHidden[(long)row * {vectors.GradientChunks} + {c}];"));
                for (int t = 0; t < perChunk; t++)
                {
                    w.Line(Invariant($"dh{(c * perChunk) + t} += {ElementCode.Element(stored, "prior" + c, t)};"));
                }
            }
        });
        for (int c = 0; c < vectors.GradientChunks; c++)
        {
            w.Line(Invariant($"a.GradHidden[(long)row * {vectors.GradientChunks} + {c}] = {ElementCode.GradientChunk(Settings.Element, vectors.GradientBytes, "dh", c * perChunk)};"));
        }
    }
}
