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
    private MatrixFragmentCode code = null!;
    private MatrixStagingCode staging = null!;

    public TiledMatrixKernels(LossSettings settings, MatrixTileModel tile)
        : base(settings, tile)
    {
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
        code = new MatrixFragmentCode(writer, Settings, Tile, Mt, SharedTileLayout.RowMajor);
        staging = MatrixStagingCode.For(writer, Settings, Tile.Stages);
        L(Invariant($"private const int D = {D}, C = {C}, Owned = {Owned}, Stream = {Stream}, Stages = {Tile.Stages}, Threads = {Threads};"));
        L("private const float L2E = 1.4426950408889634f, LN2 = 0.6931471805599453f;");
        if (Filtering)
        {
            L(Invariant($"private const float Filter = {Settings.GradientFilter:R}f;"));
        }

        L();
        new MatrixRowCopies(writer, Settings, SharedTileLayout.RowMajor).Emit();
        L();
        code.LoadRowValues();
        if (Tf32)
        {
            L();
            EmitRoundFragment();
        }
        L();
        EmitRowKernel("ForwardRows", "Log-sum-exp and loss of each row of the block, or with item splits the split's running maximum and sum.", MatrixRowMode.Forward);
        L();
        EmitRowKernel("ForwardGradientRows", "Log-sum-exp, loss and dH of each row of the block in one walk over the catalog.", MatrixRowMode.ForwardGradient);
        L();
        EmitRowKernel("GradientRows", "dH of each row of the block from the saved log-sum-exp.", MatrixRowMode.Gradient);
        L();
        EmitItemKernel();
    }

    private void L(string line = "") => w.Statement(line);

    // ---- building block (TF32): the fp32 words of a loaded fragment rounded to nearest TF32 (the matrix units would truncate)
    private void EmitRoundFragment()
    {
        L("/// <summary>The four fp32 words of a fragment rounded to TF32.</summary>");
        L(Inline);
        L($"private static {U4} Tf32({U4} v) => new {U4}({Units}RoundTf32({Ilgpu}Interop.IntAsFloat(v.X)), {Units}RoundTf32({Ilgpu}Interop.IntAsFloat(v.Y)), {Units}RoundTf32({Ilgpu}Interop.IntAsFloat(v.Z)), {Units}RoundTf32({Ilgpu}Interop.IntAsFloat(v.W)));");
    }

    private void EmitRowKernel(string name, string summary, MatrixRowMode mode)
    {
        L($"/// <summary>{summary}</summary>");
        L($"public static void {name}({GlobalNames.Matrix}MatrixArguments a)");
        L("{");
        EmitSetup(items: false);
        staging.TileRange(split: mode == MatrixRowMode.Forward);
        EmitLaneConstants();
        staging.Prologue(items: false);
        code.RowState(mode);
        EmitLoop(items: false, () =>
        {
            if (Gathered)
            {
                code.GatheredMask();
            }
            else
            {
                code.Mask();
            }

            if (mode == MatrixRowMode.Gradient)
            {
                code.Probabilities();
                code.Filtered(code.RowFilterTest, WarpKeeps, EmitPackP, EmitAccumulate);
            }
            else
            {
                code.OnlineSoftmax(rescale: mode == MatrixRowMode.ForwardGradient);
                if (mode == MatrixRowMode.ForwardGradient)
                {
                    EmitPackP();
                    EmitAccumulate();
                }
            }
        });
        code.RowEpilogue(mode);
        L("}");
    }

    private void EmitItemKernel()
    {
        L(Gathered
            ? "/// <summary>dW of each slot of the block from the saved log-sum-exp, over the split's rows of the group: added to the slots' items' rows.</summary>"
            : "/// <summary>dW of each item of the block from the saved log-sum-exp: the block's rows of dW are written once.</summary>");
        L($"public static void GradientItems({GlobalNames.Matrix}MatrixArguments a)");
        L("{");
        EmitSetup(items: true);
        // A shared set's slots are few blocks (a set of 511 is 8 blocks of 64), so its rows are split among blocks
        // that each add their part of dW; a catalog has blocks enough, each owning its rows of dW outright.
        staging.TileRange(split: Gathered);
        EmitLaneConstants();
        staging.Prologue(items: true);
        code.ItemState();

        EmitLoop(items: true, () =>
        {
            code.GradientP();
            code.Filtered(() => { }, WarpKeeps, EmitPackP, EmitAccumulate);
        });
        code.ItemEpilogue();
        L("}");
    }

    private void EmitSetup(bool items)
    {
        L($"var smem = {Ilgpu}SharedMemory.GetDynamic<{U4}>();");
        staging.Setup(items, "0");
        L($"int tid = {Ilgpu}Group.IdxX;");
        L("int lane = tid & 31;");
        L(Invariant($"int warpBase = (tid >> 5) * {16 * Mt};"));
        L("int g = lane >> 2, t = lane & 3;");
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

    private void EmitLoop(bool items, System.Action body)
    {
        L("int buf = 0;");
        L("for (int it = 0; it < tCount; it++)");
        L("{");
        L("int tile = tBegin + it;");
        staging.Step(items);
        L("int sBase = buf * (Stream * C);");
        L("int j0 = tile * Stream;");
        EmitScores();
        body();
        L("buf = buf + 1 == Stages ? 0 : buf + 1;");
        L("}");
        L($"{Units}WaitGroup(0);");
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

    // ---- building block: the A fragments of P, packed (16-bit) or gathered (TF32)
    private void EmitPackP()
    {
        if (Tf32)
        {
            EmitGatherP();
        }
        else
        {
            code.PackP();
        }
    }

    // ---- building block (filter): whether any lane of the warp keeps its part of the tile's gradient product
    private string WarpKeeps()
    {
        for (int lanes = 1; lanes < MatrixGeometry.WarpSize; lanes *= 2)
        {
            L(Invariant($"hot = {XMath}.Max(hot, {Ilgpu}Warp.ShuffleXor(hot, {lanes}));"));
        }

        return "hot != 0f";
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

    /// <summary>An ldmatrix.x4 of 16-bit pairs, or of fp32 words (each 8 x 8 matrix of pairs is 8 x 4 words) rounded to TF32.</summary>
    private string LoadFragment(string view, string index) =>
        Tf32 ? $"Tf32({Units}LoadMatrixX4({view}, {index}))" : $"{Units}LoadMatrixX4({view}, {index})";
}
