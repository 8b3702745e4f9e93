using System;

namespace Cce.Families.Matrix;

/// <summary>
/// How a loss description and a matrix tile map onto a group: shared by the generator (to emit and check kernels) and
/// the runtime (to launch them), so both sides always agree.
/// </summary>
/// <remarks>
/// The row pass gives each warp 16 rows of the group's block (the M of one m16n8k16 matrix instruction) and walks the
/// catalog in tiles of <see cref="MatrixTileSize.Items"/> items; each thread keeps its share of the block's dH in
/// registers. The item pass swaps the roles: each warp owns 16 items and walks the rows. The walked side is staged in
/// shared memory, whole rows of D, <see cref="MatrixTileSize.Stages"/> tiles at a time, beside the owned block.
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

    /// <summary>Most tiles in flight.</summary>
    public const int MaxStages = 4;

    /// <summary>Most fp32 accumulators a thread may keep for its share of an owned block: more would spill.</summary>
    public const int MaxAccumulatorsPerThread = 128;

    /// <summary>Largest dynamic shared memory per group current GPUs grant after opting in (227 KB on sm_90).</summary>
    public const int MaxSharedBytesPerGroup = 232448;

    /// <summary>Creates the geometry of one description and tile.</summary>
    /// <param name="element">Storage type of H and W.</param>
    /// <param name="hiddenSize">D.</param>
    /// <param name="tile">The tile.</param>
    public MatrixGeometry(ElementType element, int hiddenSize, MatrixTileSize tile)
    {
        Element = element;
        HiddenSize = hiddenSize;
        Tile = tile;
        ElementBytes = element == ElementType.Float32 ? 4 : 2;
    }

    /// <summary>Storage type of H and W.</summary>
    public ElementType Element { get; }

    /// <summary>Hidden size D.</summary>
    public int HiddenSize { get; }

    /// <summary>The tile.</summary>
    public MatrixTileSize Tile { get; }

    /// <summary>Bytes of one element of H and W.</summary>
    public int ElementBytes { get; }

    /// <summary>Threads per group.</summary>
    public int ThreadsPerGroup => Tile.Warps * WarpSize;

    /// <summary>Whether the owned block splits into whole 16-row slices, one or more per warp.</summary>
    public bool RowsFitWarps => Tile.Rows > 0 && Tile.Warps > 0 && Tile.Rows % (WarpRows * Tile.Warps) == 0;

    /// <summary>Whether the walked tile and the D-step are whole multiples of the instruction's K, and the D-step divides D.</summary>
    public bool StepsFit => Tile.Items > 0 && Tile.Items % Step == 0 && Tile.DStep > 0 && Tile.DStep % Step == 0 && HiddenSize % Tile.DStep == 0;

    /// <summary>fp32 accumulators each thread keeps for its share of the larger owned block (rows in the row pass, items in the item pass).</summary>
    public long AccumulatorsPerThread => (long)Math.Max(Tile.Rows, Tile.Items) * HiddenSize / Math.Max(1, ThreadsPerGroup);

    /// <summary>Dynamic shared memory of a group: the owned block and the walked tiles in flight, whole rows of D each.</summary>
    public long SharedBytes => ((long)Math.Max(Tile.Rows, Tile.Items) + ((long)Tile.Stages * Math.Max(Tile.Rows, Tile.Items))) * HiddenSize * ElementBytes;
}

/// <summary>The numbers of a matrix tile, as both the generator's model and the runtime's <c>MatrixTile</c> carry them.</summary>
/// <param name="Rows">Rows per block.</param>
/// <param name="Items">Items per tile.</param>
/// <param name="DStep">Elements of D per step.</param>
/// <param name="Warps">Warps per group.</param>
/// <param name="Stages">Tiles in flight.</param>
public readonly record struct MatrixTileSize(int Rows, int Items, int DStep, int Warps, int Stages);
