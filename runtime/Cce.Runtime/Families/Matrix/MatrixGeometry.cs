using System;

namespace Cce.Families.Matrix;

/// <summary>
/// How a loss description and a matrix tile map onto a group: shared by the generator (to emit and check kernels) and
/// the runtime (to launch them), so both sides always agree.
/// </summary>
/// <remarks>
/// A group owns a block of <see cref="MatrixTileSize.Rows"/> rows of H in the row pass (of W, in the item pass), 16 per
/// warp slice (the M of one m16n8k16 matrix instruction), and streams the other side in tiles of
/// <see cref="MatrixTileSize.Items"/> rows; each thread keeps its share of the block's dH (dW) in registers. The streamed
/// side is staged in shared memory, whole rows of D, <see cref="MatrixTileSize.Stages"/> tiles at a time, beside the
/// owned block.
/// </remarks>
public readonly struct MatrixGeometry
{
    /// <summary>Threads of a warp the kernels are written for.</summary>
    public const int WarpSize = 32;

    /// <summary>Rows (or items) one warp owns: the M of the matrix instruction.</summary>
    public const int WarpRows = 16;

    /// <summary>The K of the matrix instruction: tiles and D-steps are multiples of it.</summary>
    public const int Step = 16;

    /// <summary>Most warps per group.</summary>
    public const int MaxWarps = 16;

    /// <summary>Fewest tiles in flight: one copied while another is used.</summary>
    public const int MinStages = 2;

    /// <summary>Most tiles in flight.</summary>
    public const int MaxStages = 4;

    /// <summary>D must be a multiple of this for the matrix-unit kernels: a shared row's 16-byte chunks are swizzled in groups of eight.</summary>
    public const int TiledHiddenStep = 64;

    /// <summary>Most fp32 accumulators a thread may keep for its share of an owned block: more would spill.</summary>
    public const int MaxAccumulatorsPerThread = 128;

    /// <summary>Largest dynamic shared memory per group current GPUs grant after opting in (227 KB on sm_90).</summary>
    public const int MaxSharedBytesPerGroup = 232448;

    /// <summary>Warps of a warpgroup: the threads that issue one Hopper warpgroup matrix instruction together.</summary>
    public const int WarpGroupWarps = 4;

    /// <summary>Rows (or items) one warpgroup owns: the M of the warpgroup instruction.</summary>
    public const int WarpGroupRows = 64;

    /// <summary>The widest N of a warpgroup instruction: streamed tiles and D are at most this for the warpgroup kernels.</summary>
    public const int MaxWarpGroupWidth = 256;

    /// <summary>
    /// Alignment the warpgroup instructions need of a swizzled tile in shared memory (one 8-row atom of 128-byte rows):
    /// the group pads its dynamic shared memory to it, at a cost of at most this many bytes.
    /// </summary>
    public const int SwizzleAlignment = 1024;

    /// <summary>Creates the geometry of one description and tile.</summary>
    /// <param name="element">Storage type of H and W.</param>
    /// <param name="hiddenSize">D.</param>
    /// <param name="tile">The tile.</param>
    /// <param name="tensorFloat32">Whether fp32 elements may go to the matrix units as TF32.</param>
    public MatrixGeometry(ElementType element, int hiddenSize, MatrixTileSize tile, bool tensorFloat32 = false)
    {
        Element = element;
        HiddenSize = hiddenSize;
        Tile = tile;
        ElementBytes = element == ElementType.Float32 ? 4 : 2;
        TensorFloat32 = tensorFloat32 && ElementBytes == 4;
    }

    /// <summary>Storage type of H and W.</summary>
    public ElementType Element { get; }

    /// <summary>Hidden size D.</summary>
    public int HiddenSize { get; }

    /// <summary>The tile.</summary>
    public MatrixTileSize Tile { get; }

    /// <summary>Bytes of one element of H and W.</summary>
    public int ElementBytes { get; }

    /// <summary>Whether fp32 elements go to the matrix units as TF32 (m16n8k8 instructions).</summary>
    public bool TensorFloat32 { get; }

    /// <summary>Elements of D one matrix instruction consumes: 16 of a 16-bit type, 8 of TF32.</summary>
    public int InstructionDepth => TensorFloat32 ? Step / 2 : Step;

    /// <summary>Threads per group.</summary>
    public int ThreadsPerGroup => Tile.Warps * WarpSize;

    /// <summary>
    /// Whether the owned block splits into whole 16-row slices, one or more per warp; for the warpgroup kernels, into
    /// whole warpgroups of 64 rows each.
    /// </summary>
    public bool RowsFitWarps => Tile.WarpGroups
        ? Tile.Warps > 0 && Tile.Warps % WarpGroupWarps == 0 && Tile.Rows == WarpRows * Tile.Warps
        : Tile.Rows > 0 && Tile.Warps > 0 && Tile.Rows % (WarpRows * Tile.Warps) == 0;

    /// <summary>
    /// Whether the kernels run on the matrix units: 16-bit elements, or fp32 allowed to round to TF32, and D a multiple
    /// of <see cref="TiledHiddenStep"/>. Otherwise (exact fp32, whose products the matrix units cannot form, or such a
    /// D) the candidate runs the same math in plain FMAs on the CUDA cores.
    /// </summary>
    public bool Tiled => (ElementBytes == 2 || TensorFloat32) && HiddenSize % TiledHiddenStep == 0;

    /// <summary>fp32 accumulators each thread keeps for its share of the owned block's gradient (dH rows in the row pass, dW rows in the item pass).</summary>
    public long AccumulatorsPerThread => (long)Tile.Rows * HiddenSize / Math.Max(1, ThreadsPerGroup);

    /// <summary>
    /// Dynamic shared memory of a group: the owned block and the streamed tiles in flight, whole rows of D each, and
    /// the item pass's log-sum-exp, coefficient and target of each streamed row (the shared sets' row pass keeps a ring of
    /// Stages + 1 tiles of slot items and corrections there, which fits from two stages on), an item per owned slot of a shared set; for the warpgroup kernels, the padding
    /// that aligns the tiles to <see cref="SwizzleAlignment"/> besides.
    /// </summary>
    public long SharedBytes => Tiled
        ? (((long)Tile.Rows + ((long)Tile.Stages * Tile.Items)) * HiddenSize * ElementBytes) + (16L * (((3L * Tile.Stages * Tile.Items) + Tile.Rows + 3) / 4)) + (Tile.WarpGroups ? SwizzleAlignment : 0)
        : 0;
}

/// <summary>The numbers of a matrix tile, as both the generator's model and the runtime's <c>MatrixTile</c> carry them.</summary>
/// <param name="Rows">Rows per block.</param>
/// <param name="Items">Items per tile.</param>
/// <param name="DStep">Elements of D per step.</param>
/// <param name="Warps">Warps per group.</param>
/// <param name="Stages">Tiles in flight.</param>
/// <param name="WarpGroups">Whether the kernels run on Hopper's warpgroup matrix instructions.</param>
public readonly record struct MatrixTileSize(int Rows, int Items, int DStep, int Warps, int Stages, bool WarpGroups = false);
