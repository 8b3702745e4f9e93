using System.Collections.Generic;
using System.Linq;
using Cce.Families.Matrix;
using Cce.Gen.SourceGenerators.Emitting;
using Cce.Gen.SourceGenerators.Models;
using static Cce.Gen.SourceGenerators.Emitting.InvariantText;

namespace Cce.Gen.SourceGenerators.Families.Matrix;

/// <summary>
/// The matrix kernels on the matrix units, for 16-bit elements: a group owns a block of <c>Rows</c> rows of H (of W,
/// in the item pass), kept in shared memory, and streams the other side in tiles of <c>Items</c> rows through
/// <c>Stages</c> cp.async buffers. Each warp forms its 16-row slices of the logits with m16n8k16 instructions over all
/// of D, turns them into probabilities in registers and multiplies them straight back (the accumulator fragment of the
/// logits is the A fragment of the product) into its share of dH (or dW), which stays in registers to the end.
/// </summary>
/// <remarks>
/// ILGPU neither unrolls loops nor keeps arrays in registers, so every fragment is a scalar local and every loop over
/// fragments is written out here; the loop over D stays a loop, <c>DStep</c> elements per iteration. A 16-byte chunk c
/// of shared row r sits at r·C + (c ^ (r &amp; 7)), so the eight rows one ldmatrix reads fall in different banks. The
/// row-wise math runs in base-2 units (ex2.approx): scores are scaled by log2(e) once.
/// </remarks>
internal sealed class TiledMatrixKernels : MatrixKernelSource
{
    private const string Units = GlobalNames.Kernels + "MatrixUnits.";
    private const string U4 = GlobalNames.Kernels + "U4";
    private const string Fragment = GlobalNames.Kernels + "MmaF32x4";
    private const string Ilgpu = GlobalNames.Ilgpu;
    private const string XMath = GlobalNames.Ilgpu + "Algorithms.XMath";
    private const string Inline = "[" + GlobalNames.System + "Runtime.CompilerServices.MethodImpl(" + GlobalNames.System + "Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]";
    private SourceWriter w = new();

    public TiledMatrixKernels(LossSettings settings, MatrixTileModel tile)
        : base(settings, tile)
    {
    }

    /// <summary>What a row-pass kernel does with the probabilities of its block.</summary>
    private enum RowMode
    {
        /// <summary>Online maximum and sum only: the log-sum-exp and loss, or a split's partials.</summary>
        Forward,

        /// <summary>Online maximum and sum, and dH with its accumulator rescaled as the maximum grows.</summary>
        ForwardGradient,

        /// <summary>dH from the saved log-sum-exp: probabilities directly, nothing to rescale.</summary>
        Gradient,
    }

    /// <inheritdoc />
    public override string Suffix => Tile.Suffix;

    /// <inheritdoc />
    public override string Name => Tile.Suffix;

    /// <inheritdoc />
    public override string Layout => "Warp";

    /// <inheritdoc />
    public override bool Staged => true;

    /// <inheritdoc />
    public override string Shape => Invariant($"a group of {Tile.Warps} warps owns {Tile.Rows} rows (items, in the item pass) and streams tiles of {Tile.Items} through {Tile.Stages} buffers, on the matrix units.");

    private int D => Settings.HiddenSize;

    private int C => D * Geometry.ElementBytes / 16;

    private int Owned => Tile.Rows;

    private int Stream => Tile.Items;

    private int Mt => Tile.Rows / (MatrixGeometry.WarpRows * Tile.Warps);

    private int Threads => Tile.Warps * MatrixGeometry.WarpSize;

    private int Unroll => Tile.DStep / Depth;

    private int NTiles => Stream / 8;

    private int KSteps => Stream / Depth;

    private int DTiles => D / 8;

    private bool Bf16 => Settings.Element == ElementType.BFloat16;

    private string Mma => Units + (Tf32 ? "MmaTf32" : Bf16 ? "MmaBf16" : "MmaF16");

    private string Pack => Units + (Bf16 ? "PackBf16" : "PackF16");

    private string Widen => Units + (Bf16 ? "Bf16ToFloat" : "F16ToFloat");

    private bool Fp32Gradient => Settings.HiddenGradient == GradientPrecision.Float32 || Tf32;

    private MatrixGeometry Geometry => new(Settings.Element, Settings.HiddenSize, Tile.Size, Settings.AllowTensorFloat32);

    /// <summary>fp32 elements rounded to TF32 on the matrix units (m16n8k8); otherwise 16-bit elements (m16n8k16).</summary>
    private bool Tf32 => Geometry.TensorFloat32;

    /// <summary>Elements of D (or items, in the gradient product) per matrix instruction.</summary>
    private int Depth => Geometry.InstructionDepth;

    private bool Filtering => Settings.GradientFilter > 0f;

    /// <inheritdoc />
    public override void Emit(SourceWriter writer)
    {
        w = writer;
        L(Invariant($"private const int D = {D}, C = {C}, Owned = {Owned}, Stream = {Stream}, Stages = {Tile.Stages}, Threads = {Threads};"));
        L("private const float L2E = 1.4426950408889634f, LN2 = 0.6931471805599453f;");
        if (Filtering)
        {
            L(Invariant($"private const float Filter = {Settings.GradientFilter:R}f;"));
        }

        L();
        EmitLoadRows();
        L();
        EmitLoadRowValues();
        if (Tf32)
        {
            L();
            EmitRoundFragment();
        }
        L();
        EmitRowKernel("ForwardRows", "Log-sum-exp and loss of each row of the block, or with item splits the split's running maximum and sum.", RowMode.Forward);
        L();
        EmitRowKernel("ForwardGradientRows", "Log-sum-exp, loss and dH of each row of the block in one walk over the catalog.", RowMode.ForwardGradient);
        L();
        EmitRowKernel("GradientRows", "dH of each row of the block from the saved log-sum-exp.", RowMode.Gradient);
        L();
        EmitItemKernel();
    }

    private void L(string line = "")
    {
        if (line == "{")
        {
            w.Open(string.Empty);
        }
        else if (line == "}")
        {
            w.Close();
        }
        else
        {
            w.Line(line);
        }
    }

    // ---- building block: a tile of rows into shared memory with cp.async; rows past the end read as zeros
    private void EmitLoadRows()
    {
        L("/// <summary>Copies rows [row0, row0 + rows) of src into shared memory (swizzled), zeros past limit.</summary>");
        L(Inline);
        L($"private static void LoadRows({Ilgpu}ArrayView<{U4}> shared, int sharedBase, {Ilgpu}ArrayView<{U4}> src, int row0, int limit, int rows, int tid)");
        L("{");
        L("for (int c = tid; c < rows * C; c += Threads)");
        L("{");
        L("int r = c / C;");
        L("int ch = c - r * C;");
        L("int gr = row0 + r;");
        L("bool ok = gr < limit;");
        L($"{Units}CopyAsync16ZeroFill(shared, sharedBase + r * C + (ch ^ (r & 7)), src, (ok ? gr : limit - 1) * C + ch, ok ? 16 : 0);");
        L("}");
        L("}");
    }

    // ---- building block (TF32): the fp32 words of a loaded fragment rounded to nearest TF32 (the matrix units would truncate)
    private void EmitRoundFragment()
    {
        L("/// <summary>The four fp32 words of a fragment rounded to TF32.</summary>");
        L(Inline);
        L($"private static {U4} Tf32({U4} v) => new {U4}({Units}RoundTf32({Ilgpu}Interop.IntAsFloat(v.X)), {Units}RoundTf32({Ilgpu}Interop.IntAsFloat(v.Y)), {Units}RoundTf32({Ilgpu}Interop.IntAsFloat(v.Z)), {Units}RoundTf32({Ilgpu}Interop.IntAsFloat(v.W)));");
    }

    // ---- building block (item pass): lse, g and y of a row tile, 4 bytes each, beside the H tile of the same stage
    private void EmitLoadRowValues()
    {
        L("/// <summary>Copies the log-sum-exp, coefficient and target of rows [row0, row0 + Stream) into shared memory, zeros past n.</summary>");
        L(Inline);
        L($"private static void LoadRowValues({Ilgpu}ArrayView<int> shared, int sharedBase, {Ilgpu}ArrayView<int> lse, {Ilgpu}ArrayView<int> g, {Ilgpu}ArrayView<int> y, int row0, int n, int tid)");
        L("{");
        L("for (int c = tid; c < 3 * Stream; c += Threads)");
        L("{");
        L("int which = c / Stream;");
        L("int r = c - which * Stream;");
        L("int gr = row0 + r;");
        L("bool ok = gr < n;");
        L("int gi = ok ? gr : n - 1;");
        L($"{Ilgpu}ArrayView<int> src = which == 0 ? lse : which == 1 ? g : y;");
        L($"{Units}CopyAsync4ZeroFill(shared, sharedBase + c, src, gi, ok ? 4 : 0);");
        L("}");
        L("}");
    }

    private void EmitRowKernel(string name, string summary, RowMode mode)
    {
        L($"/// <summary>{summary}</summary>");
        L($"public static void {name}({GlobalNames.Matrix}MatrixArguments a)");
        L("{");
        EmitSetup(items: false);
        L(mode == RowMode.Forward
            ? $"int tBegin = {Ilgpu}Grid.IdxY * numTiles / a.Splits, tCount = ({Ilgpu}Grid.IdxY + 1) * numTiles / a.Splits - tBegin;"
            : "int tBegin = 0, tCount = numTiles;");
        EmitLaneConstants();
        EmitPrologue(items: false);
        EmitRowState(mode);
        EmitLoop(items: false, () =>
        {
            EmitMask();
            if (mode == RowMode.Gradient)
            {
                EmitProbabilities();
                EmitFiltered(EmitRowFilterTest, EmitPackP, EmitAccumulate);
            }
            else
            {
                EmitOnlineSoftmax(rescale: mode == RowMode.ForwardGradient);
                if (mode == RowMode.ForwardGradient)
                {
                    EmitPackP();
                    EmitAccumulate();
                }
            }
        });
        EmitRowEpilogue(mode);
        L("}");
    }

    private void EmitItemKernel()
    {
        L("/// <summary>dW of each item of the block from the saved log-sum-exp: the block's rows of dW are written once.</summary>");
        L($"public static void GradientItems({GlobalNames.Matrix}MatrixArguments a)");
        L("{");
        EmitSetup(items: true);
        L("int tBegin = 0, tCount = numTiles;");
        EmitLaneConstants();
        EmitPrologue(items: true);
        for (int mt = 0; mt < Mt; mt++)
        {
            for (int dt = 0; dt < DTiles; dt++)
            {
                L(Invariant($"{Fragment} acc{mt}_{dt} = default;"));
            }
        }

        EmitLoop(items: true, () =>
        {
            EmitGradientP();
            EmitFiltered(() => { }, EmitPackP, EmitAccumulate);
        });
        EmitItemEpilogue();
        L("}");
    }

    private void EmitSetup(bool items)
    {
        L($"var smem = {Ilgpu}SharedMemory.GetDynamic<{U4}>();");
        L("var sO = smem.SubView(0, Owned * C);");
        L("var sS = smem.SubView(Owned * C, Stages * Stream * C);");
        if (items)
        {
            L("var sV = smem.SubView(Owned * C + Stages * Stream * C).Cast<int>();");
        }

        L($"int tid = {Ilgpu}Group.IdxX;");
        L("int lane = tid & 31;");
        L(Invariant($"int warpBase = (tid >> 5) * {16 * Mt};"));
        L("int g = lane >> 2, t = lane & 3;");
        L($"int own0 = {Ilgpu}Grid.IdxX * Owned;");
        L(items ? "int ownLimit = a.Catalog, streamLimit = a.Rows;" : "int ownLimit = a.Rows, streamLimit = a.Catalog;");
        L(items ? "var ownSrc = a.Items; var streamSrc = a.Hidden;" : "var ownSrc = a.Hidden; var streamSrc = a.Items;");
        L("int numTiles = (streamLimit + Stream - 1) / Stream;");
    }

    // Per-lane parts of the ldmatrix addresses (row and swizzle key); the D-step part is added in the loops.
    private void EmitLaneConstants()
    {
        // A (x4 over a 16 x 16 block): lanes 0-15 rows 0-15 at chunk 2ks, lanes 16-31 the same rows at chunk 2ks + 1.
        for (int mt = 0; mt < Mt; mt++)
        {
            L(Invariant($"int aRow{mt} = warpBase + {16 * mt} + (lane & 15);"));
            L(Invariant($"int aIdx{mt} = aRow{mt} * C, aKey{mt} = (lane >> 4) ^ (aRow{mt} & 7);"));
        }

        // B (x4 = two n8 tiles x k16): lanes 0-7 rows 0-7 at chunk 2ks, 8-15 rows 0-7 at 2ks + 1, 16-31 rows 8-15.
        L("int bIdx = ((lane & 7) + ((lane >> 4) << 3)) * C, bKey = ((lane >> 3) & 1) ^ (lane & 7);");

        if (Tf32)
        {
            // The source lanes of the gathered A fragment of P, and the word offsets of the B words of the streamed tile.
            L("int pSrc = (lane & ~3) | (t >> 1);");
            L("bool pOdd = (t & 1) != 0;");
            L("int wRow0 = t * C, wRow1 = (t + 4) * C, gHalf = g >> 2, gWord = g & 3;");
            L("var sF = sS.Cast<uint>();");
            return;
        }

        // B transposed (x4 = k16 x two n8 tiles of D): lanes 0-15 rows 0-15 at chunk 2dp, lanes 16-31 at chunk 2dp + 1.
        L("int tIdx = (lane & 15) * C, tKey = (lane >> 4) ^ (lane & 7);");
    }

    private void EmitPrologue(bool items)
    {
        L("LoadRows(sO, 0, ownSrc, own0, ownLimit, Owned, tid);");
        for (int s = 0; s < Tile.Stages - 1; s++)
        {
            L(Invariant($"if ({s} < tCount)"));
            L("{");
            EmitStreamLoad(items, Invariant($"{s} * (Stream * C)"), Invariant($"(tBegin + {s}) * Stream"), Invariant($"{s}"));
            L("}");
            L($"{Units}CommitGroup();");
        }
    }

    private void EmitStreamLoad(bool items, string sharedBase, string row0, string stage)
    {
        L($"LoadRows(sS, {sharedBase}, streamSrc, {row0}, streamLimit, Stream, tid);");
        if (items)
        {
            L($"LoadRowValues(sV, ({stage}) * (3 * Stream), a.RowLse.Cast<int>(), a.RowCoefficients.Cast<int>(), a.Targets, {row0}, a.Rows, tid);");
        }
    }

    /// <summary>The running maximum and sum of each of the lane's two rows per slice (log2 units), or the saved log-sum-exp; dH accumulators.</summary>
    private void EmitRowState(RowMode mode)
    {
        for (int mt = 0; mt < Mt; mt++)
        {
            if (mode == RowMode.Gradient)
            {
                // An ignored row's saved value is 0: +inf turns its probabilities into 0 rather than an overflow times 0.
                foreach ((string half, int off) in new[] { ("a", 0), ("b", 8) })
                {
                    L(Invariant($"int r{mt}{half} = own0 + warpBase + {16 * mt + off} + g;"));
                    L(Invariant($"int y{mt}{half} = r{mt}{half} < a.Rows ? a.Targets[r{mt}{half}] : {Settings.IgnoreIndex};"));
                    L(Invariant($"float m{mt}{half} = y{mt}{half} != {Settings.IgnoreIndex} ? a.RowLse[r{mt}{half}] * L2E : float.PositiveInfinity;"));
                }
            }
            else
            {
                L(Invariant($"float m{mt}a = -1e30f, m{mt}b = -1e30f, l{mt}a = 0f, l{mt}b = 0f;"));
            }

            if (mode != RowMode.Forward)
            {
                for (int dt = 0; dt < DTiles; dt++)
                {
                    L(Invariant($"{Fragment} acc{mt}_{dt} = default;"));
                }
            }
        }
    }

    private void EmitLoop(bool items, System.Action body)
    {
        L("int buf = 0;");
        L("for (int it = 0; it < tCount; it++)");
        L("{");
        L("int tile = tBegin + it;");
        EmitPipelineStep(items);
        L("int sBase = buf * (Stream * C);");
        L("int j0 = tile * Stream;");
        EmitScores();
        body();
        L("buf = buf + 1 == Stages ? 0 : buf + 1;");
        L("}");
        L($"{Units}WaitGroup(0);");
    }

    // ---- building block: wait for this tile's stage, then refill the stage the previous tile freed
    private void EmitPipelineStep(bool items)
    {
        L(Invariant($"{Units}WaitGroup({Tile.Stages - 2});"));
        L($"{Ilgpu}Group.Barrier();");
        L(Invariant($"int next = tile + {Tile.Stages - 1};"));
        L("if (next < tBegin + tCount)");
        L("{");
        L(Invariant($"int nbuf = buf == 0 ? {Tile.Stages - 1} : buf - 1;"));
        EmitStreamLoad(items, "nbuf * (Stream * C)", "next * Stream", "nbuf");
        L("}");
        L($"{Units}CommitGroup();");
    }

    // ---- building block: S = O · Sᵀ over all of D, DStep elements per iteration of a loop
    private void EmitScores()
    {
        for (int mt = 0; mt < Mt; mt++)
        {
            for (int nt = 0; nt < NTiles; nt++)
            {
                L(Invariant($"{Fragment} s{mt}_{nt} = default;"));
            }
        }

        L(Invariant($"for (int ks = 0; ks < D / {Depth}; ks += {Unroll})"));
        L("{");
        for (int u = 0; u < Unroll; u++)
        {
            string ks = u == 0 ? "ks" : Invariant($"(ks + {u})");
            for (int mt = 0; mt < Mt; mt++)
            {
                L(Invariant($"{U4} fa{mt}_{u} = {LoadFragment("sO", $"aIdx{mt} + ((2 * {ks}) ^ aKey{mt})")};"));
            }

            for (int np = 0; np < NTiles / 2; np++)
            {
                L(Invariant($"{U4} fb{np}_{u} = {LoadFragment("sS", $"sBase + bIdx + {np * 16} * C + ((2 * {ks}) ^ bKey)")};"));
            }
        }

        for (int u = 0; u < Unroll; u++)
        {
            for (int np = 0; np < NTiles / 2; np++)
            {
                for (int mt = 0; mt < Mt; mt++)
                {
                    string fa = Invariant($"fa{mt}_{u}"), fb = Invariant($"fb{np}_{u}");
                    L(Invariant($"s{mt}_{2 * np} = {Mma}(s{mt}_{2 * np}, {fa}.X, {fa}.Y, {fa}.Z, {fa}.W, {fb}.X, {fb}.Y);"));
                    L(Invariant($"s{mt}_{(2 * np) + 1} = {Mma}(s{mt}_{(2 * np) + 1}, {fa}.X, {fa}.Y, {fa}.Z, {fa}.W, {fb}.Z, {fb}.W);"));
                }
            }
        }

        L("}");
    }

    // ---- building block (row pass): items past V score −∞; only the last tile has any
    private void EmitMask()
    {
        L("if (j0 + Stream > streamLimit)");
        L("{");
        L("int lim = streamLimit - j0 - 2 * t;");
        for (int mt = 0; mt < Mt; mt++)
        {
            for (int nt = 0; nt < NTiles; nt++)
            {
                string s = Invariant($"s{mt}_{nt}");
                L(Invariant($"if ({nt * 8} >= lim) {{ {s}.X = float.NegativeInfinity; {s}.Z = float.NegativeInfinity; }}"));
                L(Invariant($"if ({(nt * 8) + 1} >= lim) {{ {s}.Y = float.NegativeInfinity; {s}.W = float.NegativeInfinity; }}"));
            }
        }

        L("}");
    }

    private static readonly (string Half, string X, string Y)[] Halves = { ("a", "X", "Y"), ("b", "Z", "W") };

    // ---- building block (row pass): online maximum and sum in base 2, and the rescale of the dH accumulator
    private void EmitOnlineSoftmax(bool rescale)
    {
        for (int mt = 0; mt < Mt; mt++)
        {
            foreach ((string half, string x, string y) in Halves)
            {
                List<string> scores = Enumerable.Range(0, NTiles).SelectMany(nt => new[] { Invariant($"s{mt}_{nt}.{x}"), Invariant($"s{mt}_{nt}.{y}") }).ToList();
                string mx = Invariant($"mx{mt}{half}");
                L($"float {mx} = {MaxChain(scores)};");
                L($"{mx} = {XMath}.Max({mx}, {Ilgpu}Warp.ShuffleXor({mx}, 1));");
                L($"{mx} = {XMath}.Max({mx}, {Ilgpu}Warp.ShuffleXor({mx}, 2));");
                L(Invariant($"float mn{mt}{half} = {XMath}.Max(m{mt}{half}, {mx} * L2E);"));
                L(Invariant($"float sc{mt}{half} = {Units}Exp2(m{mt}{half} - mn{mt}{half});"));
                L(Invariant($"m{mt}{half} = mn{mt}{half};"));
                for (int nt = 0; nt < NTiles; nt++)
                {
                    L(Invariant($"s{mt}_{nt}.{x} = {Units}Exp2(s{mt}_{nt}.{x} * L2E - mn{mt}{half});"));
                    L(Invariant($"s{mt}_{nt}.{y} = {Units}Exp2(s{mt}_{nt}.{y} * L2E - mn{mt}{half});"));
                }

                L(Invariant($"l{mt}{half} = l{mt}{half} * sc{mt}{half} + {SumChain(scores)};"));
            }

            if (rescale)
            {
                L(Invariant($"if (sc{mt}a != 1f || sc{mt}b != 1f)"));
                L("{");
                for (int dt = 0; dt < DTiles; dt++)
                {
                    string acc = Invariant($"acc{mt}_{dt}");
                    L(Invariant($"{acc}.X *= sc{mt}a; {acc}.Y *= sc{mt}a; {acc}.Z *= sc{mt}b; {acc}.W *= sc{mt}b;"));
                }

                L("}");
            }
        }
    }

    // ---- building block (row pass from a saved log-sum-exp): p = exp(s − lse), nothing to rescale
    private void EmitProbabilities()
    {
        for (int mt = 0; mt < Mt; mt++)
        {
            foreach ((string half, string x, string y) in Halves)
            {
                for (int nt = 0; nt < NTiles; nt++)
                {
                    L(Invariant($"s{mt}_{nt}.{x} = {Units}Exp2(s{mt}_{nt}.{x} * L2E - m{mt}{half});"));
                    L(Invariant($"s{mt}_{nt}.{y} = {Units}Exp2(s{mt}_{nt}.{y} * L2E - m{mt}{half});"));
                }
            }
        }
    }

    // ---- building block (item pass): P = g_r (exp(S − lse_r) − [y_r = j]); a row with g = 0 (ignored, or past N) gives 0
    private void EmitGradientP()
    {
        L("int vBase = buf * (3 * Stream);");
        for (int mt = 0; mt < Mt; mt++)
        {
            L(Invariant($"int item{mt}a = own0 + warpBase + {16 * mt} + g, item{mt}b = item{mt}a + 8;"));
        }

        for (int nt = 0; nt < NTiles; nt++)
        {
            for (int e = 0; e < 2; e++)
            {
                string r = Invariant($"{(nt * 8) + e} + 2 * t");
                L(Invariant($"float ls{nt}_{e} = {Ilgpu}Interop.IntAsFloat((uint)sV[vBase + {r}]) * L2E;"));
                L(Invariant($"float gg{nt}_{e} = {Ilgpu}Interop.IntAsFloat((uint)sV[vBase + Stream + {r}]);"));
                L(Invariant($"int yy{nt}_{e} = sV[vBase + 2 * Stream + {r}];"));
            }
        }

        if (Filtering)
        {
            L("float hot = 0f;");
        }

        for (int mt = 0; mt < Mt; mt++)
        {
            for (int nt = 0; nt < NTiles; nt++)
            {
                string s = Invariant($"s{mt}_{nt}");
                foreach ((string part, int e, string half) in new[] { ("X", 0, "a"), ("Y", 1, "a"), ("Z", 0, "b"), ("W", 1, "b") })
                {
                    string gg = Invariant($"gg{nt}_{e}"), hit = Invariant($"yy{nt}_{e} == item{mt}{half}");
                    if (Filtering)
                    {
                        // A one-hot term keeps its tile, as does a NaN (which the comparison does not pass).
                        L("{");
                        L(Invariant($"float p = {Units}Exp2({s}.{part} * L2E - ls{nt}_{e});"));
                        L($"if ({gg} != 0f && ({hit} || !(p < Filter))) {{ hot = 1f; }}");
                        L($"{s}.{part} = {gg} == 0f ? 0f : {gg} * p - ({hit} ? {gg} : 0f);");
                        L("}");
                    }
                    else
                    {
                        L($"{s}.{part} = {gg} == 0f ? 0f : {gg} * {Units}Exp2({s}.{part} * L2E - ls{nt}_{e}) - ({hit} ? {gg} : 0f);");
                    }
                }
            }
        }
    }

    // ---- building block (row pass from a saved log-sum-exp, with a filter): whether any probability of the lane is
    // not below the threshold (a NaN is not), or a target of its rows lies in the tile (its one-hot term is added apart,
    // but p_y belongs with it)
    private void EmitRowFilterTest()
    {
        IEnumerable<string> kept = Enumerable.Range(0, Mt)
            .SelectMany(mt => Enumerable.Range(0, NTiles).SelectMany(nt => new[] { "X", "Y", "Z", "W" }.Select(part => Invariant($"!(s{mt}_{nt}.{part} < Filter)"))))
            .Concat(Enumerable.Range(0, Mt).SelectMany(mt => new[] { Invariant($"(uint)(y{mt}a - j0) < (uint)Stream"), Invariant($"(uint)(y{mt}b - j0) < (uint)Stream") }));
        L($"float hot = {string.Join(" || ", kept)} ? 1f : 0f;");
    }

    // ---- building block: the gradient product of a tile, skipped by the whole warp when no lane keeps its part
    // (hot = 1 keeps it; without a filter the product always runs)
    private void EmitFiltered(System.Action test, params System.Action[] product)
    {
        if (!Filtering)
        {
            foreach (System.Action step in product)
            {
                step();
            }

            return;
        }

        test();
        for (int lanes = 1; lanes < MatrixGeometry.WarpSize; lanes *= 2)
        {
            L(Invariant($"hot = {XMath}.Max(hot, {Ilgpu}Warp.ShuffleXor(hot, {lanes}));"));
        }

        L("if (hot != 0f)");
        L("{");
        foreach (System.Action step in product)
        {
            step();
        }

        L("}");
    }

    // ---- building block: the C fragments of two n8 tiles of P are the A fragment of one k16 step
    private void EmitPackP()
    {
        if (Tf32)
        {
            EmitGatherP();
            return;
        }

        for (int mt = 0; mt < Mt; mt++)
        {
            for (int kk = 0; kk < KSteps; kk++)
            {
                string lo = Invariant($"s{mt}_{2 * kk}"), hi = Invariant($"s{mt}_{(2 * kk) + 1}");
                L(Invariant($"uint p{mt}_{kk}_0 = {Pack}({lo}.X, {lo}.Y), p{mt}_{kk}_1 = {Pack}({lo}.Z, {lo}.W), p{mt}_{kk}_2 = {Pack}({hi}.X, {hi}.Y), p{mt}_{kk}_3 = {Pack}({hi}.Z, {hi}.W);"));
            }
        }
    }

    // ---- building block (TF32): the A fragment of a k8 step is column t and t + 4 of one n8 tile of P, which the C
    // fragments hold as pairs (2t, 2t + 1): each lane fetches its columns from lanes 4g + t/2 and 4g + 2 + t/2
    private void EmitGatherP()
    {
        for (int mt = 0; mt < Mt; mt++)
        {
            for (int kk = 0; kk < KSteps; kk++)
            {
                string sv = Invariant($"s{mt}_{kk}");
                for (int half = 0; half < 2; half++)
                {
                    string src = half == 0 ? "pSrc" : "pSrc + 2";
                    string e = Invariant($"{mt}_{kk}_{half}");
                    L($"float gx{e} = {Ilgpu}Warp.Shuffle({sv}.X, {src}), gy{e} = {Ilgpu}Warp.Shuffle({sv}.Y, {src}), gz{e} = {Ilgpu}Warp.Shuffle({sv}.Z, {src}), gw{e} = {Ilgpu}Warp.Shuffle({sv}.W, {src});");
                }

                L(Invariant($"uint p{mt}_{kk}_0 = {Units}RoundTf32(pOdd ? gy{mt}_{kk}_0 : gx{mt}_{kk}_0), p{mt}_{kk}_1 = {Units}RoundTf32(pOdd ? gw{mt}_{kk}_0 : gz{mt}_{kk}_0);"));
                L(Invariant($"uint p{mt}_{kk}_2 = {Units}RoundTf32(pOdd ? gy{mt}_{kk}_1 : gx{mt}_{kk}_1), p{mt}_{kk}_3 = {Units}RoundTf32(pOdd ? gw{mt}_{kk}_1 : gz{mt}_{kk}_1);"));
            }
        }
    }

    // ---- building block: acc += P · X_tile, X read as B fragments with ldmatrix.trans (TF32: two words per lane and n8
    // tile, (item t, d g) and (item t + 4, d g), straight from the swizzled rows)
    private void EmitAccumulate()
    {
        if (Tf32)
        {
            for (int kk = 0; kk < KSteps; kk++)
            {
                for (int dt = 0; dt < DTiles; dt++)
                {
                    string column = Invariant($"(({2 * dt} | gHalf) ^ t)"), column4 = Invariant($"(({2 * dt} | gHalf) ^ (t + 4))");
                    L(Invariant($"uint fw{kk}_{dt}_0 = {Units}RoundTf32({Ilgpu}Interop.IntAsFloat(sF[((sBase + {kk * 8} * C + wRow0 + {column}) << 2) + gWord]));"));
                    L(Invariant($"uint fw{kk}_{dt}_1 = {Units}RoundTf32({Ilgpu}Interop.IntAsFloat(sF[((sBase + {kk * 8} * C + wRow1 + {column4}) << 2) + gWord]));"));
                    for (int mt = 0; mt < Mt; mt++)
                    {
                        string p = Invariant($"p{mt}_{kk}_0, p{mt}_{kk}_1, p{mt}_{kk}_2, p{mt}_{kk}_3");
                        L(Invariant($"acc{mt}_{dt} = {Mma}(acc{mt}_{dt}, {p}, fw{kk}_{dt}_0, fw{kk}_{dt}_1);"));
                    }
                }
            }

            return;
        }

        for (int kk = 0; kk < KSteps; kk++)
        {
            for (int dp = 0; dp < DTiles / 2; dp++)
            {
                L(Invariant($"{U4} fw{kk}_{dp} = {Units}LoadMatrixX4Trans(sS, sBase + tIdx + {kk * 16} * C + ({2 * dp} ^ tKey));"));
                for (int mt = 0; mt < Mt; mt++)
                {
                    string p = Invariant($"p{mt}_{kk}_0, p{mt}_{kk}_1, p{mt}_{kk}_2, p{mt}_{kk}_3");
                    L(Invariant($"acc{mt}_{2 * dp} = {Mma}(acc{mt}_{2 * dp}, {p}, fw{kk}_{dp}.X, fw{kk}_{dp}.Y);"));
                    L(Invariant($"acc{mt}_{(2 * dp) + 1} = {Mma}(acc{mt}_{(2 * dp) + 1}, {p}, fw{kk}_{dp}.Z, fw{kk}_{dp}.W);"));
                }
            }
        }
    }

    // ---- building block (row pass): lse = m + log l and loss = lse − h·w_y; dH = g (acc / l − w_y), once per row
    private void EmitRowEpilogue(RowMode mode)
    {
        bool forward = mode != RowMode.Gradient;
        bool gradient = mode != RowMode.Forward;
        L(Tf32 ? "var hF = a.Hidden.Cast<float>();" : "var h32 = a.Hidden.Cast<uint>();");
        L(Tf32 ? "var wF = a.Items.Cast<float>();" : "var w32 = a.Items.Cast<uint>();");
        if (gradient)
        {
            L(Fp32Gradient ? "var dh = a.GradHidden.Cast<float>();" : "var dh32 = a.GradHidden.Cast<uint>();");
        }

        for (int mt = 0; mt < Mt; mt++)
        {
            foreach ((string half, string x, string y) in Halves)
            {
                int off = half == "a" ? 0 : 8;
                string sfx = Invariant($"{mt}{half}");
                L("{");
                L(Invariant($"int r = own0 + warpBase + {(16 * mt) + off} + g;"));
                L("bool valid = r < a.Rows;");
                L(Invariant($"int y = valid ? a.Targets[r] : {Settings.IgnoreIndex};"));
                L(Invariant($"bool counted = y != {Settings.IgnoreIndex};"));
                L("int yr = counted ? y : 0;");
                if (forward)
                {
                    L($"float l = l{sfx};");
                    L($"l += {Ilgpu}Warp.ShuffleXor(l, 1);");
                    L($"l += {Ilgpu}Warp.ShuffleXor(l, 2);");
                    L("float dot = 0f;");
                }

                if (gradient)
                {
                    L("float coef = valid ? a.RowCoefficients[r] : 0f;");
                    L(forward ? "float inv = 1f / l;" : "float inv = 1f;");
                }

                for (int dt = 0; dt < DTiles; dt++)
                {
                    string word = Invariant($"{dt * 4} + t");
                    L(Pair(Invariant($"w{dt}"), "w", "yr", dt));
                    if (forward)
                    {
                        L(Invariant($"if (valid) {{ {Pair(Invariant($"h{dt}"), "h", "r", dt)} dot += h{dt}lo * w{dt}lo + h{dt}hi * w{dt}hi; }}"));
                    }

                    if (gradient)
                    {
                        string acc = Invariant($"acc{mt}_{dt}");
                        L("if (valid)");
                        L("{");
                        L(Invariant($"float d0 = coef * ({acc}.{x} * inv - w{dt}lo), d1 = coef * ({acc}.{y} * inv - w{dt}hi);"));
                        if (Fp32Gradient)
                        {
                            L(Invariant($"long o = (long)r * D + {dt * 8} + 2 * t;"));
                            L("if (a.AccumulateHiddenGradient != 0) { d0 += dh[o]; d1 += dh[o + 1]; }");
                            L("dh[o] = d0;");
                            L("dh[o + 1] = d1;");
                        }
                        else
                        {
                            L(Invariant($"long o = (long)r * (D / 2) + {word};"));
                            L($"if (a.AccumulateHiddenGradient != 0) {{ uint prior = dh32[o]; d0 += {Widen}(prior, false); d1 += {Widen}(prior, true); }}");
                            L($"dh32[o] = {Pack}(d0, d1);");
                        }

                        L("}");
                    }
                }

                if (forward)
                {
                    L($"dot += {Ilgpu}Warp.ShuffleXor(dot, 1);");
                    L($"dot += {Ilgpu}Warp.ShuffleXor(dot, 2);");
                    L($"float lse = (m{sfx} + {XMath}.Log2(l)) * LN2;");
                    L("if (valid && t == 0)");
                    L("{");
                    if (mode == RowMode.Forward)
                    {
                        L("if (a.Splits > 1)");
                        L("{");
                        L($"long partial = {GlobalNames.Kernels}PartialLogSumExp.Index({Ilgpu}Grid.IdxY, r, a.Rows);");
                        L($"a.Partials[partial] = m{sfx} * LN2;");
                        L("a.Partials[partial + 1] = l;");
                        L("if (y >= tBegin * Stream && y < (tBegin + tCount) * Stream) { a.RowLoss[r] = dot; }");
                        L("}");
                        L("else");
                        L("{");
                    }

                    L("a.RowLse[r] = counted ? lse : 0f;");
                    L("a.RowLoss[r] = counted ? lse - dot : 0f;");
                    if (mode == RowMode.Forward)
                    {
                        L("}");
                    }

                    L("}");
                }

                L("}");
            }
        }
    }

    // ---- building block (item pass): each lane writes its fp32 pairs of the block's dW rows, once
    private void EmitItemEpilogue()
    {
        for (int mt = 0; mt < Mt; mt++)
        {
            foreach ((string half, string x, string y) in Halves)
            {
                int off = half == "a" ? 0 : 8;
                L(Invariant($"int j{mt}{half} = own0 + warpBase + {(16 * mt) + off} + g;"));
                L(Invariant($"if (j{mt}{half} < a.Catalog)"));
                L("{");
                L(Invariant($"long o = (long)j{mt}{half} * D + 2 * t;"));
                for (int dt = 0; dt < DTiles; dt++)
                {
                    string acc = Invariant($"acc{mt}_{dt}");
                    L(Invariant($"if (a.AccumulateItemGradient != 0) {{ {acc}.{x} += a.GradItems[o + {dt * 8}]; {acc}.{y} += a.GradItems[o + {(dt * 8) + 1}]; }}"));
                    L(Invariant($"a.GradItems[o + {dt * 8}] = {acc}.{x};"));
                    L(Invariant($"a.GradItems[o + {(dt * 8) + 1}] = {acc}.{y};"));
                }

                L("}");
            }
        }
    }

    /// <summary>
    /// Declares <paramref name="name"/>lo and <paramref name="name"/>hi: the lane's two elements (columns 2t and 2t + 1 of
    /// n8 tile <paramref name="dt"/>) of row <paramref name="row"/> of H (<paramref name="side"/> "h") or W ("w"), widened.
    /// </summary>
    private string Pair(string name, string side, string row, int dt) => Tf32
        ? Invariant($"float {name}lo = {side}F[(long){row} * D + {dt * 8} + 2 * t], {name}hi = {side}F[(long){row} * D + {(dt * 8) + 1} + 2 * t];")
        : Invariant($"uint {name} = {side}32[(long){row} * (D / 2) + {dt * 4} + t]; float {name}lo = {Widen}({name}, false), {name}hi = {Widen}({name}, true);");

    /// <summary>An ldmatrix.x4 of 16-bit pairs, or of fp32 words (each 8 x 8 matrix of pairs is 8 x 4 words) rounded to TF32.</summary>
    private string LoadFragment(string view, string index) =>
        Tf32 ? $"Tf32({Units}LoadMatrixX4({view}, {index}))" : $"{Units}LoadMatrixX4({view}, {index})";

    private static string MaxChain(List<string> xs) =>
        xs.Count == 1 ? xs[0] : $"{XMath}.Max({MaxChain(xs.Take(xs.Count / 2).ToList())}, {MaxChain(xs.Skip(xs.Count / 2).ToList())})";

    private static string SumChain(List<string> xs) =>
        xs.Count == 1 ? xs[0] : $"({SumChain(xs.Take(xs.Count / 2).ToList())} + {SumChain(xs.Skip(xs.Count / 2).ToList())})";
}
