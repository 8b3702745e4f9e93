using System.Collections.Generic;
using System.Linq;
using Cce.Families.Matrix;
using Cce.Gen.SourceGenerators.Emitting;
using Cce.Gen.SourceGenerators.Models;
using static Cce.Gen.SourceGenerators.Emitting.InvariantText;

namespace Cce.Gen.SourceGenerators.Families.Matrix;

/// <summary>
/// The statements both matrix-unit kernel sources write on a thread's fragments. A warp of the mma.sync kernels and a
/// warp of a warpgroup hold the same ones: per 16-row slice <c>mt</c> of the owned block, the m16n8 accumulator tile
/// <c>s{mt}_{nt}</c> of each 8 streamed rows (the logits, then P), <c>acc{mt}_{dt}</c> of each 8 elements of D (dH or
/// dW), and the A fragments <c>p{mt}_{kk}_{0..3}</c> of P for each instruction step; lane (g, t) holds rows g and g + 8
/// of the slice, columns 2t and 2t + 1 of each tile. The kernels declare the names these statements use: the class
/// constants (<c>D</c>, <c>C</c>, <c>Stream</c>, <c>Threads</c>, <c>L2E</c>, <c>LN2</c>, <c>Filter</c>), <c>a</c>,
/// <c>own0</c>, <c>warpBase</c>, <c>g</c>, <c>t</c>, <c>j0</c>, <c>buf</c>, <c>sV</c> and <c>streamLimit</c>.
/// </summary>
internal sealed class MatrixFragmentCode
{
    private const string Units = GlobalNames.Kernels + "MatrixUnits.";
    private const string Fragment = GlobalNames.Kernels + "MmaF32x4";
    private const string Ilgpu = GlobalNames.Ilgpu;
    private const string XMath = GlobalNames.Ilgpu + "Algorithms.XMath";
    private const string Inline = "[" + GlobalNames.System + "Runtime.CompilerServices.MethodImpl(" + GlobalNames.System + "Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]";
    private static readonly (string Half, string X, string Y)[] Halves = { ("a", "X", "Y"), ("b", "Z", "W") };
    private readonly SourceWriter w;
    private readonly SharedTileLayout layout;

    /// <summary>
    /// Statements for <paramref name="slices"/> 16-row slices per warp of a group with <paramref name="tile"/>, whose
    /// staged tiles lie in <paramref name="layout"/>, written to <paramref name="writer"/>.
    /// </summary>
    public MatrixFragmentCode(SourceWriter writer, LossSettings settings, MatrixTileModel tile, int slices, SharedTileLayout layout)
    {
        w = writer;
        this.layout = layout;
        Settings = settings;
        Geometry = new MatrixGeometry(settings.Element, settings.HiddenSize, tile.Size, settings.AllowTensorFloat32);
        Mt = slices;
        NTiles = tile.Items / 8;
        KSteps = tile.Items / Geometry.InstructionDepth;
        DTiles = settings.HiddenSize / 8;
    }

    /// <summary>The loss description.</summary>
    public LossSettings Settings { get; }

    /// <summary>The geometry of the description and tile.</summary>
    public MatrixGeometry Geometry { get; }

    /// <summary>16-row slices per warp.</summary>
    public int Mt { get; }

    /// <summary>n8 tiles of a streamed tile: the logit fragments per slice.</summary>
    public int NTiles { get; }

    /// <summary>Instruction steps of the gradient product over a streamed tile: the A fragments of P per slice.</summary>
    public int KSteps { get; }

    /// <summary>n8 tiles of D: the gradient fragments per slice.</summary>
    public int DTiles { get; }

    private bool Bf16 => Settings.Element == ElementType.BFloat16;

    private string Pack => Units + (Bf16 ? "PackBf16" : "PackF16");

    private string Widen => Units + (Bf16 ? "Bf16ToFloat" : "F16ToFloat");

    /// <summary>fp32 elements rounded to TF32 on the matrix units; otherwise 16-bit elements.</summary>
    private bool Tf32 => Geometry.TensorFloat32;

    private bool Fp32Gradient => Settings.HiddenGradient == GradientPrecision.Float32 || Tf32;

    private bool Filtering => Settings.GradientFilter > 0f;

    private Schemes.MatrixSchemeEmitter Scheme => (Schemes.MatrixSchemeEmitter)Schemes.SchemeRegistry.Of(Settings);

    /// <summary>Whether the rows stream their group's gathered set (slot items in <c>sI</c>, <c>sIo</c>), the positive apart.</summary>
    private bool Gathered => Scheme.Gathered;

    /// <summary>
    /// fp16 P carries a power-of-two scale into the matrix units: its smallest subnormal is 6e-8, and at the sizes users
    /// run p ≈ 1/V and g ≈ 1/N put g·p (and at V ≈ 10⁶ p itself) below it. bf16 and TF32 have fp32's exponent range.
    /// </summary>
    private bool ScaledP => Settings.Element == ElementType.Float16;

    /// <summary>log2 of the row passes' P scale: p ≤ 1 times 2^15 stays below fp16's largest finite value, 65504.</summary>
    private const int RowScaleLog2 = 15;

    /// <summary>2^−15, the row passes' P scale undone.</summary>
    private const string RowUnscale = "3.0517578125E-05f";

    private void L(string line = "") => w.Statement(line);

    // ---- building block (item pass): lse, g and y of a row tile, 4 bytes each, beside the H tile of the same stage
    public void LoadRowValues()
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

    /// <summary>The running maximum and sum of each of the lane's two rows per slice (log2 units), or the saved log-sum-exp; dH accumulators.</summary>
    public void RowState(MatrixRowMode mode)
    {
        for (int mt = 0; mt < Mt; mt++)
        {
            if (mode == MatrixRowMode.Gradient || Gathered)
            {
                // The rows' targets: a gathered set masks each row's own positive in it.
                foreach ((string half, int off) in new[] { ("a", 0), ("b", 8) })
                {
                    L(Invariant($"int r{mt}{half} = own0 + warpBase + {16 * mt + off} + g;"));
                    L(Invariant($"int y{mt}{half} = r{mt}{half} < ownLimit ? a.Targets[r{mt}{half}] : {Settings.IgnoreIndex};"));
                }
            }

            if (mode == MatrixRowMode.Gradient)
            {
                // An ignored row's saved value is 0: +inf turns its probabilities into 0 rather than an overflow times 0.
                foreach (string half in new[] { "a", "b" })
                {
                    string scaled = ScaledP ? Invariant($" - {RowScaleLog2}f") : string.Empty;
                    L(Invariant($"float m{mt}{half} = y{mt}{half} != {Settings.IgnoreIndex} ? a.RowLse[r{mt}{half}] * L2E{scaled} : float.PositiveInfinity;"));
                }
            }
            else
            {
                L(Invariant($"float m{mt}a = -1e30f, m{mt}b = -1e30f, l{mt}a = 0f, l{mt}b = 0f;"));
            }

            if (mode != MatrixRowMode.Forward)
            {
                for (int dt = 0; dt < DTiles; dt++)
                {
                    L(Invariant($"{Fragment} acc{mt}_{dt} = default;"));
                }
            }
        }
    }

    // ---- building block (row pass): items past V score −∞; only the last tile has any
    public void Mask()
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

    // ---- building block (row pass, shared sets): a slot that holds no item or the row's own positive scores −∞; the
    // others get their correction
    public void GatheredMask()
    {
        // A lane's two columns of an n8 tile are adjacent: one 8-byte read each for their items and their corrections.
        L("int iBase = (it % (Stages + 1)) * Stream;");
        L("var sI2 = sI.Cast<long>();");
        L("var sC2 = sC.Cast<long>();");
        for (int nt = 0; nt < NTiles; nt++)
        {
            string pair = Invariant($"(iBase + {nt * 8} + 2 * t) >> 1");
            L(Invariant($"long ip{nt} = sI2[{pair}], cp{nt} = sC2[{pair}];"));
            L(Invariant($"int it{nt}_0 = (int)ip{nt}, it{nt}_1 = (int)(ip{nt} >> 32);"));
            L(Invariant($"float c{nt}_0 = {Ilgpu}Interop.IntAsFloat((uint)cp{nt}), c{nt}_1 = {Ilgpu}Interop.IntAsFloat((uint)(cp{nt} >> 32));"));
        }

        for (int mt = 0; mt < Mt; mt++)
        {
            for (int nt = 0; nt < NTiles; nt++)
            {
                string s = Invariant($"s{mt}_{nt}");
                foreach ((string part, int e, string half) in new[] { ("X", 0, "a"), ("Y", 1, "a"), ("Z", 0, "b"), ("W", 1, "b") })
                {
                    string it = Invariant($"it{nt}_{e}");
                    L(Invariant($"{s}.{part} = {it} == y{mt}{half} ? float.NegativeInfinity : {s}.{part} + c{nt}_{e};"));
                }
            }
        }
    }

    // ---- building block (row pass): online maximum and sum in base 2, and the rescale of the dH accumulator
    public void OnlineSoftmax(bool rescale)
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
                string shift = Invariant($"mn{mt}{half}");
                if (rescale && ScaledP)
                {
                    // P feeds dH's product: the sum l carries the same scale, so acc / l does not see it; lse does.
                    shift = Invariant($"mq{mt}{half}");
                    L(Invariant($"float {shift} = mn{mt}{half} - {RowScaleLog2}f;"));
                }

                for (int nt = 0; nt < NTiles; nt++)
                {
                    L(Invariant($"s{mt}_{nt}.{x} = {Units}Exp2(s{mt}_{nt}.{x} * L2E - {shift});"));
                    L(Invariant($"s{mt}_{nt}.{y} = {Units}Exp2(s{mt}_{nt}.{y} * L2E - {shift});"));
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
    public void Probabilities()
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

    // ---- building block (item pass): the dW accumulators; for fp16, the scale of P: a power of two that puts the
    // largest |g| of the call in [2^14, 2^15), so |P| < 2^15 and g·p of every row stays in fp16's normal range; for a
    // shared set, the owned slots' items and corrections
    public void ItemState()
    {
        for (int mt = 0; mt < Mt; mt++)
        {
            for (int dt = 0; dt < DTiles; dt++)
            {
                L(Invariant($"{Fragment} acc{mt}_{dt} = default;"));
            }
        }

        if (ScaledP)
        {
            // The bound holds the bits of max |g|; its biased exponent e gives the scale 2^(14 − (e − 127)), clamped to a
            // normal float (a subnormal bound has e = 0; a zero bound leaves every P zero whatever the scale).
            L("int pExponent = (a.CoefficientBound[0] >> 23) & 255;");
            L("pExponent = 268 - pExponent < 1 ? 1 : 268 - pExponent > 254 ? 254 : 268 - pExponent;");
            L($"float pScale = {Ilgpu}Interop.IntAsFloat((uint)(pExponent << 23));");
            L("float dScale = 1f / pScale;");
        }

        for (int mt = 0; mt < Mt && Gathered; mt++)
        {
            // The owned slots' items, read once for the whole loop: the positive is never among them (its term is the row
            // pass's), a slot equal to a row's positive is masked for that row, and each slot's logit carries its correction.
            foreach (string half in new[] { "a", "b" })
            {
                string item = Invariant($"item{mt}{half}");
                L(Invariant($"int {item} = sIo[warpBase + {(16 * mt) + (half == "a" ? 0 : 8)} + g];"));
                L($"float corr{mt}{half} = {item} >= 0 ? ({Scheme.Correction(Settings, item)}) * L2E : float.NegativeInfinity;");
            }
        }
    }

    // ---- building block (item pass): P = g_r (exp(S − lse_r) − [y_r = j]); a row with g = 0 (ignored, or past N) gives 0
    public void GradientP()
    {
        L("int vBase = buf * (3 * Stream);");
        for (int mt = 0; mt < Mt && !Gathered; mt++)
        {
            L(Invariant($"int item{mt}a = own0 + warpBase + {16 * mt} + g, item{mt}b = item{mt}a + 8;"));
        }

        for (int nt = 0; nt < NTiles; nt++)
        {
            for (int e = 0; e < 2; e++)
            {
                string r = Invariant($"{(nt * 8) + e} + 2 * t");
                L(Invariant($"float ls{nt}_{e} = {Ilgpu}Interop.IntAsFloat((uint)sV[vBase + {r}]) * L2E;"));
                L(Invariant($"float gg{nt}_{e} = {Ilgpu}Interop.IntAsFloat((uint)sV[vBase + Stream + {r}]){(ScaledP ? " * pScale" : string.Empty)};"));
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
                    if (Gathered)
                    {
                        L($"{s}.{part} = {gg} == 0f || {hit} ? 0f : {gg} * {Units}Exp2({s}.{part} * L2E + corr{mt}{half} - ls{nt}_{e});");
                    }
                    else if (Filtering)
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
    public void RowFilterTest()
    {
        string threshold = ScaledP ? Invariant($"Filter * {1 << RowScaleLog2}f") : "Filter";
        IEnumerable<string> kept = Enumerable.Range(0, Mt)
            .SelectMany(mt => Enumerable.Range(0, NTiles).SelectMany(nt => new[] { "X", "Y", "Z", "W" }.Select(part => Invariant($"!(s{mt}_{nt}.{part} < {threshold})"))))
            .Concat(Enumerable.Range(0, Mt).SelectMany(mt => new[] { Invariant($"(uint)(y{mt}a - j0) < (uint)Stream"), Invariant($"(uint)(y{mt}b - j0) < (uint)Stream") }));
        L($"float hot = {string.Join(" || ", kept)} ? 1f : 0f;");
    }

    // ---- building block: the gradient product of a tile, skipped by every thread that issues it together (a warp, a
    // warpgroup) when none of them keeps its part: test sets hot = 1 where a thread keeps it, keep reduces hot over the
    // threads and names the condition (without a filter the product always runs)
    public void Filtered(System.Action test, System.Func<string> keep, params System.Action[] product)
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
        L($"if ({keep()})");
        L("{");
        foreach (System.Action step in product)
        {
            step();
        }

        L("}");
    }

    // ---- building block (16-bit): the C fragments of two n8 tiles of P are the A fragment of one k16 step
    public void PackP()
    {
        for (int mt = 0; mt < Mt; mt++)
        {
            for (int kk = 0; kk < KSteps; kk++)
            {
                string lo = Invariant($"s{mt}_{2 * kk}"), hi = Invariant($"s{mt}_{(2 * kk) + 1}");
                L(Invariant($"uint p{mt}_{kk}_0 = {Pack}({lo}.X, {lo}.Y), p{mt}_{kk}_1 = {Pack}({lo}.Z, {lo}.W), p{mt}_{kk}_2 = {Pack}({hi}.X, {hi}.Y), p{mt}_{kk}_3 = {Pack}({hi}.Z, {hi}.W);"));
            }
        }
    }

    // ---- building block (row pass): lse = m + log l and loss = lse − h·w_y; dH = g (acc / l − w_y), once per row
    public void RowEpilogue(MatrixRowMode mode)
    {
        if (Gathered)
        {
            GatheredRowEpilogue(mode);
            return;
        }

        bool forward = mode != MatrixRowMode.Gradient;
        bool gradient = mode != MatrixRowMode.Forward;
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
                    L(forward ? "float inv = 1f / l;" : $"float inv = {(ScaledP ? RowUnscale : "1f")};");
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
                        StoreHiddenPair(dt);
                        L("}");
                    }
                }

                if (forward)
                {
                    L($"dot += {Ilgpu}Warp.ShuffleXor(dot, 1);");
                    L($"dot += {Ilgpu}Warp.ShuffleXor(dot, 2);");
                    string unscale = mode == MatrixRowMode.ForwardGradient && ScaledP ? Invariant($" - {RowScaleLog2}f") : string.Empty;
                    L($"float lse = (m{sfx} + {XMath}.Log2(l){unscale}) * LN2;");
                    L("if (valid && t == 0)");
                    L("{");
                    if (mode == MatrixRowMode.Forward)
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
                    if (mode == MatrixRowMode.Forward)
                    {
                        L("}");
                    }

                    L("}");
                }

                L("}");
            }
        }
    }

    /// <summary>Stores d0 and d1, the lane's pair of row r's dH in n8 tile <paramref name="dt"/>, added to what dH holds when the call accumulates.</summary>
    private void StoreHiddenPair(int dt)
    {
        if (Fp32Gradient)
        {
            L(Invariant($"long o = (long)r * D + {dt * 8} + 2 * t;"));
            L("if (a.AccumulateHiddenGradient != 0) { d0 += dh[o]; d1 += dh[o + 1]; }");
            L("dh[o] = d0;");
            L("dh[o + 1] = d1;");
        }
        else
        {
            L(Invariant($"long o = (long)r * (D / 2) + {dt * 4} + t;"));
            L($"if (a.AccumulateHiddenGradient != 0) {{ uint prior = dh32[o]; d0 += {Widen}(prior, false); d1 += {Widen}(prior, true); }}");
            L($"dh32[o] = {Pack}(d0, d1);");
        }
    }

    // ---- building block (row pass, shared sets): the positive joins the log-sum-exp of the set, lse = log(e^(h·w_y) +
    // Σ e^(s_j)); dH = g (Σ p_j w_j + (p_0 − 1) w_y); the positive's row of dW, g (p_0 − 1) h, is added to dW here
    private void GatheredRowEpilogue(MatrixRowMode mode)
    {
        bool forward = mode != MatrixRowMode.Gradient;
        bool gradient = mode != MatrixRowMode.Forward;
        // The block's rows of H are in shared memory still; the positives' rows of W join them there, in the stages the
        // loop has finished with, so the epilogue reads no global memory in a dependent chain.
        L($"{Ilgpu}Group.Barrier();");
        L("LoadPositives(sS, 0, a, own0, ownLimit, Owned, tid);");
        L($"{Units}CommitGroup();");
        L($"{Units}WaitGroup(0);");
        L($"{Ilgpu}Group.Barrier();");
        L("var h32 = sO.Cast<uint>();");
        L("var w32 = sS.Cast<uint>();");
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
                L(Invariant($"int lr = warpBase + {(16 * mt) + off} + g;"));
                L("int r = own0 + lr;");
                L("bool valid = r < ownLimit;");
                L(Invariant($"int y = y{sfx};"));
                L(Invariant($"bool counted = y != {Settings.IgnoreIndex};"));
                L("int yr = counted ? y : 0;");
                L("int rr = valid ? r : 0;");
                L("float dot = 0f;");
                for (int dt = 0; dt < DTiles; dt++)
                {
                    L($"{{ {SharedPair(Invariant($"h{dt}"), "h", dt)} {SharedPair(Invariant($"w{dt}"), "w", dt)} dot += h{dt}lo * w{dt}lo + h{dt}hi * w{dt}hi; }}");
                }

                L($"dot += {Ilgpu}Warp.ShuffleXor(dot, 1);");
                L($"dot += {Ilgpu}Warp.ShuffleXor(dot, 2);");
                L("float pos = dot * L2E;");
                if (forward)
                {
                    L($"float l = l{sfx};");
                    L($"l += {Ilgpu}Warp.ShuffleXor(l, 1);");
                    L($"l += {Ilgpu}Warp.ShuffleXor(l, 2);");
                    string unscale = mode == MatrixRowMode.ForwardGradient && ScaledP ? Invariant($" - {RowScaleLog2}f") : string.Empty;
                    L($"float tail = l > 0f ? m{sfx} + {XMath}.Log2(l){unscale} : float.NegativeInfinity;");
                    L($"float top = {XMath}.Max(tail, pos);");
                    L($"float lse2 = top + {XMath}.Log2({Units}Exp2(tail - top) + {Units}Exp2(pos - top));");
                }
                else
                {
                    L("float lse2 = counted ? a.RowLse[rr] * L2E : 0f;");
                }

                if (gradient)
                {
                    L("float coef = valid ? a.RowCoefficients[r] : 0f;");
                    L($"float p0m1 = counted ? {Units}Exp2(pos - lse2) - 1f : 0f;");
                    L(forward ? $"float inv = l > 0f ? {Units}Exp2(tail - lse2) / l : 0f;" : $"float inv = {(ScaledP ? RowUnscale : "1f")};");
                    L("float c0 = coef * p0m1;");
                    L("long dwy = (long)yr * D;");
                    for (int dt = 0; dt < DTiles; dt++)
                    {
                        string acc = Invariant($"acc{mt}_{dt}");
                        // An ignored row has g = 0 and p0m1 = 0: its dH is 0 and it adds nothing to dW.
                        L("if (valid)");
                        L("{");
                        L(SharedPair(Invariant($"h{dt}"), "h", dt));
                        L(SharedPair(Invariant($"w{dt}"), "w", dt));
                        L(Invariant($"float d0 = coef * ({acc}.{x} * inv + p0m1 * w{dt}lo), d1 = coef * ({acc}.{y} * inv + p0m1 * w{dt}hi);"));
                        StoreHiddenPair(dt);
                        L("if (counted)");
                        L("{");
                        L(Invariant($"{Ilgpu}Atomic.Add(ref a.GradItems[dwy + {dt * 8} + 2 * t], c0 * h{dt}lo);"));
                        L(Invariant($"{Ilgpu}Atomic.Add(ref a.GradItems[dwy + {(dt * 8) + 1} + 2 * t], c0 * h{dt}hi);"));
                        L("}");
                        L("}");
                    }
                }

                if (forward)
                {
                    L("if (valid && t == 0)");
                    L("{");
                    L("float lse = lse2 * LN2;");
                    L("a.RowLse[r] = counted ? lse : 0f;");
                    L("a.RowLoss[r] = counted ? lse - dot : 0f;");
                    L("}");
                }

                L("}");
            }
        }
    }

    // ---- building block (item pass): each lane writes its fp32 pairs of the block's dW rows, once
    public void ItemEpilogue()
    {
        for (int mt = 0; mt < Mt; mt++)
        {
            foreach ((string half, string x, string y) in Halves)
            {
                int off = half == "a" ? 0 : 8;
                L(Invariant($"int j{mt}{half} = own0 + warpBase + {(16 * mt) + off} + g;"));
                if (Gathered)
                {
                    // A slot's item may recur in the set, in other groups' sets and among the positives: its rows add.
                    L("{");
                    L(Invariant($"int slotItem = j{mt}{half} < ownLimit ? sIo[warpBase + {(16 * mt) + off} + g] : -1;"));
                    L("if (slotItem >= 0)");
                    L("{");
                    L("long o = (long)slotItem * D + 2 * t;");
                    for (int dt = 0; dt < DTiles; dt++)
                    {
                        string acc = Invariant($"acc{mt}_{dt}");
                        string scale = ScaledP ? " * dScale" : string.Empty;
                        L(Invariant($"{Ilgpu}Atomic.Add(ref a.GradItems[o + {dt * 8}], {acc}.{x}{scale});"));
                        L(Invariant($"{Ilgpu}Atomic.Add(ref a.GradItems[o + {(dt * 8) + 1}], {acc}.{y}{scale});"));
                    }

                    L("}");
                    L("}");
                    continue;
                }

                L(Invariant($"if (j{mt}{half} < a.Catalog)"));
                L("{");
                L(Invariant($"long o = (long)j{mt}{half} * D + 2 * t;"));
                for (int dt = 0; dt < DTiles; dt++)
                {
                    string acc = Invariant($"acc{mt}_{dt}");
                    if (ScaledP)
                    {
                        L(Invariant($"{acc}.{x} *= dScale; {acc}.{y} *= dScale;"));
                    }

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


    /// <summary>
    /// <see cref="Pair"/> read from the block's rows in shared memory (swizzled 16-byte chunks): row <c>lr</c> of the
    /// owned rows of H (<paramref name="side"/> "h") or of their positives' rows of W ("w").
    /// </summary>
    private string SharedPair(string name, string side, int dt) =>
        Invariant($"uint {name} = {side}32[(({layout.Chunk("lr", dt, "Owned")}) << 2) + t]; float {name}lo = {Widen}({name}, false), {name}hi = {Widen}({name}, true);");

    private static string MaxChain(List<string> xs) =>
        xs.Count == 1 ? xs[0] : $"{XMath}.Max({MaxChain(xs.Take(xs.Count / 2).ToList())}, {MaxChain(xs.Skip(xs.Count / 2).ToList())})";

    private static string SumChain(List<string> xs) =>
        xs.Count == 1 ? xs[0] : $"({SumChain(xs.Take(xs.Count / 2).ToList())} + {SumChain(xs.Skip(xs.Count / 2).ToList())})";
}
