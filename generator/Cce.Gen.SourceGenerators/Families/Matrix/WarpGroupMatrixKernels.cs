using System.Linq;
using Cce.Families.Matrix;
using Cce.Gen.SourceGenerators.Emitting;
using Cce.Gen.SourceGenerators.Models;
using static Cce.Gen.SourceGenerators.Emitting.InvariantText;

namespace Cce.Gen.SourceGenerators.Families.Matrix;

/// <summary>
/// The matrix kernels on Hopper's warpgroup matrix instructions (wgmma, sm_90a), for 16-bit elements: a group of
/// <c>Warps / 4</c> warpgroups owns <c>Rows</c> rows of H (of W, in the item pass), 64 per warpgroup, and streams the other
/// side in tiles of <c>Items</c> rows through <c>Stages</c> cp.async buffers. Each warpgroup forms its 64 x Items block of
/// logits with one chain of D / 16 instructions that read both operands from shared memory, turns it into probabilities
/// in registers (the same fragments as the mma.sync kernels, so <see cref="MatrixFragmentCode"/> writes that math for
/// both) and multiplies them, as the A operand in registers, by the same streamed tile read transposed, into its 64 x D
/// block of dH (or dW), which stays in registers to the end.
/// </summary>
/// <remarks>
/// Shared memory holds every tile in the layout the instructions read with the 128-byte swizzle: D is cut into blocks of
/// 64 elements (128-byte rows), a tile of R rows stores its blocks R·128 bytes apart, and 16-byte chunk c of row r sits at
/// chunk position c ^ (r &amp; 7) of its row, atoms of 8 rows being 1024-byte aligned (the group pads its dynamic shared
/// memory to that). Each accumulator block is a struct of <c>MmaF32x4</c> fragments, unpacked into the fragment names after
/// an instruction chain and packed again before the next; the fence, commit and wait are data-threaded through them (see
/// <c>WarpGroupUnits</c>), and all of it is written out: ILGPU unrolls nothing.
/// </remarks>
internal sealed class WarpGroupMatrixKernels : MatrixKernelSource
{
    private const string Units = GlobalNames.Kernels + "MatrixUnits.";
    private const string Group = GlobalNames.Kernels + "WarpGroupUnits.";
    private const string U4 = GlobalNames.Kernels + "U4";
    private const string Fragment = GlobalNames.Kernels + "MmaF32x4";
    private const string Ilgpu = GlobalNames.Ilgpu;
    private const string Inline = "[" + GlobalNames.System + "Runtime.CompilerServices.MethodImpl(" + GlobalNames.System + "Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]";

    /// <summary>Bytes of one row of a swizzled block: 64 16-bit elements of D.</summary>
    private const int SwizzleRowBytes = 128;

    /// <summary>Bytes between two k16 steps of a K-major operand inside a swizzled row.</summary>
    private const int KStepBytes = 32;

    private SourceWriter w = new();
    private MatrixFragmentCode code = null!;
    private MatrixStagingCode staging = null!;

    public WarpGroupMatrixKernels(LossSettings settings, MatrixTileModel tile)
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
    public override string Shape => Invariant($"a group of {WarpGroups} warpgroups owns {Tile.Rows} rows (items, in the item pass), 64 per warpgroup, and streams tiles of {Tile.Items} through {Tile.Stages} buffers, on Hopper's warpgroup matrix instructions (sm_90a).");

    private int D => Settings.HiddenSize;

    /// <summary>16-byte chunks of a row of D.</summary>
    private int C => D / 8;

    private int WarpGroups => Tile.Warps / MatrixGeometry.WarpGroupWarps;

    private int Threads => Tile.Warps * MatrixGeometry.WarpSize;

    private int NTiles => Tile.Items / 8;

    private int KSteps => Tile.Items / MatrixGeometry.Step;

    private int DTiles => D / 8;

    private bool Bf16 => Settings.Element == ElementType.BFloat16;

    private string Element => Bf16 ? "Bf16" : "F16";

    private bool Filtering => Settings.GradientFilter > 0f;

    /// <inheritdoc />
    public override void Emit(SourceWriter writer)
    {
        w = writer;
        code = new MatrixFragmentCode(writer, Settings, Tile, slices: 1, SharedTileLayout.Blocked);
        staging = MatrixStagingCode.For(writer, Settings, Tile.Stages);
        L(Invariant($"private const int D = {D}, C = {C}, Owned = {Tile.Rows}, Stream = {Tile.Items}, Stages = {Tile.Stages}, Threads = {Threads};"));
        L("private const float L2E = 1.4426950408889634f, LN2 = 0.6931471805599453f;");
        if (Filtering)
        {
            L(Invariant($"private const float Filter = {Settings.GradientFilter:R}f;"));
        }

        L();
        EmitAccumulatorTypes();
        L();
        EmitDescriptors();
        L();
        new MatrixRowCopies(writer, Settings, SharedTileLayout.Blocked).Emit();
        L();
        code.LoadRowValues();
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

    // ---- the operands and results of the instructions: a thread's accumulators of a 64 x N block (N / 8 m16n8
    // fragments, the instruction's N read from the struct's size) and its A fragments of P
    private void EmitAccumulatorTypes()
    {
        L("/// <summary>A thread's accumulators of a warpgroup's 64 x Stream block of logits: n8 tile i in Ni.</summary>");
        L("#pragma warning disable CS0649 // Only the warpgroup instructions write them.");
        L($"private struct LogitTile {{ public {Fragment} {string.Join(", ", Enumerable.Range(0, NTiles).Select(i => Invariant($"N{i}")))}; }}");
        L("#pragma warning restore CS0649");
        L();
        L("/// <summary>A thread's accumulators of a warpgroup's 64 x D block of dH or dW: n8 tile i in Ni.</summary>");
        L($"private struct GradientTile {{ public {Fragment} {string.Join(", ", Enumerable.Range(0, DTiles).Select(i => Invariant($"N{i}")))}; }}");
        L();
        L("/// <summary>A thread's A fragments of P for the gradient product: k16 step kk in P(4kk) to P(4kk + 3).</summary>");
        L($"private struct PFragments {{ public uint {string.Join(", ", Enumerable.Range(0, 4 * KSteps).Select(i => Invariant($"P{i}")))}; }}");
    }

    // ---- building block: the instructions' shared-memory operands, by the byte address of their first row and element
    private void EmitDescriptors()
    {
        L("/// <summary>The descriptor of a K-major operand (rows of D) starting at a shared byte address.</summary>");
        L(Inline);
        L($"private static ulong KMajor(uint address) => {Group}Descriptor({Group}KMajorLayout, address);");
        L();
        L("/// <summary>The descriptor of a streamed tile read transposed (items as K, D as N, its blocks of 64 elements of D Stream * 128 bytes apart) starting at a shared byte address.</summary>");
        L(Inline);
        L(Invariant($"private static ulong Transposed(uint address) => {Group}Descriptor({Group}MnMajorLayout(Stream * {SwizzleRowBytes}), address);"));
    }

    private void EmitRowKernel(string name, string summary, MatrixRowMode mode)
    {
        L($"/// <summary>{summary}</summary>");
        L($"public static void {name}({GlobalNames.Matrix}MatrixArguments a)");
        L("{");
        EmitSetup(items: false);
        staging.TileRange(split: mode == MatrixRowMode.Forward);
        staging.Prologue(items: false);
        L("LogitTile logits = default;");
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
                code.Filtered(code.RowFilterTest, WarpGroupKeeps, code.PackP, EmitAccumulate);
            }
            else
            {
                code.OnlineSoftmax(rescale: mode == MatrixRowMode.ForwardGradient);
                if (mode == MatrixRowMode.ForwardGradient)
                {
                    code.PackP();
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
        staging.TileRange(split: Gathered);
        staging.Prologue(items: true);
        L("LogitTile logits = default;");
        code.ItemState();

        EmitLoop(items: true, () =>
        {
            code.GradientP();
            code.Filtered(() => { }, WarpGroupKeeps, code.PackP, EmitAccumulate);
        });
        code.ItemEpilogue();
        L("}");
    }

    private void EmitSetup(bool items)
    {
        L($"var smem = {Ilgpu}SharedMemory.GetDynamic<{U4}>();");
        L(Invariant($"// The tiles start at the first {MatrixGeometry.SwizzleAlignment}-byte boundary: the swizzle's atoms must be aligned to it (the launch asks for that much more)."));
        L(Invariant($"int pad = (int)((({MatrixGeometry.SwizzleAlignment}u - ({Group}SharedAddress(smem, 0) & {MatrixGeometry.SwizzleAlignment - 1}u)) & {MatrixGeometry.SwizzleAlignment - 1}u) >> 4);"));
        staging.Setup(items, "pad");
        L($"int tid = {Ilgpu}Group.IdxX;");
        L("int lane = tid & 31;");
        L("int warpBase = (tid >> 5) * 16;");
        L("int g = lane >> 2, t = lane & 3;");
        L("// The descriptors' start addresses: this warpgroup's 64 owned rows, and the first stage.");
        L(Invariant($"uint ownAddress = {Group}SharedAddress(sO, (tid >> 7) * {MatrixGeometry.WarpGroupRows * SwizzleRowBytes / 16});"));
        L($"uint streamAddress = {Group}SharedAddress(sS, 0);");
    }

    private void EmitLoop(bool items, System.Action body)
    {
        L("int buf = 0;");
        L("for (int it = 0; it < tCount; it++)");
        L("{");
        L("int tile = tBegin + it;");
        // The stage's cp.async writes go to the warpgroup instructions, which read shared memory through the async proxy.
        staging.Step(items, published: $"{Group}FenceProxyAsync();");
        L("int j0 = tile * Stream;");
        L(Invariant($"uint stage = streamAddress + (uint)(buf * (Stream * C * 16));"));
        EmitScores();
        body();
        L("buf = buf + 1 == Stages ? 0 : buf + 1;");
        L("}");
        L($"{Units}WaitGroup(0);");
    }

    // ---- building block: S = O · Sᵀ over all of D, one chain of k16 steps with both operands K-major in shared memory
    // (the first step overwrites the accumulators), then the fragments by name
    private void EmitScores()
    {
        L("logits = " + Group + "Fence(logits);");
        for (int k = 0; k < D / MatrixGeometry.Step; k++)
        {
            int block = k / 4, step = k % 4;
            int own = (block * Tile.Rows * SwizzleRowBytes) + (step * KStepBytes);
            int stream = (block * Tile.Items * SwizzleRowBytes) + (step * KStepBytes);
            L(Invariant($"logits = {Group}MmaShared{Element}(logits, KMajor(ownAddress + {own}u), KMajor(stage + {stream}u), {(k == 0 ? "false" : "true")});"));
        }

        L($"logits = {Group}Wait({Group}Commit(logits), 0);");
        L($"{Fragment} {string.Join(", ", Enumerable.Range(0, NTiles).Select(nt => Invariant($"s0_{nt} = logits.N{nt}")))};");
    }

    // ---- building block: acc += P · X_tile, P the A operand in registers, the streamed tile read transposed (its
    // blocks of 64 elements of D the instruction's N atoms); the fence also waits for the packing of P
    private void EmitAccumulate()
    {
        L($"var gradient = new GradientTile {{ {string.Join(", ", Enumerable.Range(0, DTiles).Select(dt => Invariant($"N{dt} = acc0_{dt}")))} }};");
        L($"gradient = {Group}FenceAfter(gradient, new PFragments {{ {string.Join(", ", Enumerable.Range(0, 4 * KSteps).Select(i => Invariant($"P{i} = p0_{i / 4}_{i % 4}")))} }});");
        for (int kk = 0; kk < KSteps; kk++)
        {
            L(Invariant($"gradient = {Group}MmaRegisters{Element}(gradient, p0_{kk}_0, p0_{kk}_1, p0_{kk}_2, p0_{kk}_3, Transposed(stage + {kk * MatrixGeometry.Step * SwizzleRowBytes}u), true);"));
        }

        L($"gradient = {Group}Wait({Group}Commit(gradient), 0);");
        for (int dt = 0; dt < DTiles; dt += 8)
        {
            L(string.Join(" ", Enumerable.Range(dt, System.Math.Min(8, DTiles - dt)).Select(i => Invariant($"acc0_{i} = gradient.N{i};"))));
        }
    }

    // ---- building block (filter): whether any thread of the warpgroup keeps its part of the tile's gradient product
    // (named barrier 1 + the warpgroup's index; 0 is the group's)
    private string WarpGroupKeeps()
    {
        L($"bool keep = {Group}Any(hot != 0f, 1 + (tid >> 7));");
        return "keep";
    }
}
