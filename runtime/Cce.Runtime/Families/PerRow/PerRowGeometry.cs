using System;

namespace Cce.Families.PerRow;

/// <summary>
/// How a loss description and a tile candidate map onto a warp: shared by the generator (to emit and
/// check kernels) and the runtime (to launch them), so both sides always agree.
/// </summary>
/// <remarks>
/// In the warp layout a warp owns one row at a time. An item row of D elements is split into 16-byte chunks;
/// a sub-group of <see cref="LanesPerItem"/> lanes reads one item row, each lane <see cref="ChunksPerLane"/>
/// chunks, so a warp works on <see cref="ItemsPerWarp"/> items at once. In the portable layout
/// (<see cref="LanesPerRow"/> = 1) each thread owns a whole row and no lane ever waits for another: the
/// layout for ILGPU's CPU accelerator, where every shuffle is an operating-system-level barrier.
/// </remarks>
public readonly struct PerRowGeometry
{
    /// <summary>Threads of a warp the kernels are written for.</summary>
    public const int WarpSize = 32;

    /// <summary>Largest thread group current GPUs launch.</summary>
    public const int MaxThreadsPerGroup = 1024;

    /// <summary>Largest dynamic shared memory per group current GPUs grant after opting in (227 KB on sm_90).</summary>
    public const int MaxSharedBytesPerGroup = 232448;

    /// <summary>Shared memory a group gets without opting in.</summary>
    public const int DefaultSharedBytesPerGroup = 49152;

    /// <summary>Creates the geometry of one description and tile.</summary>
    /// <param name="element">Storage type of H and W.</param>
    /// <param name="hiddenSize">D.</param>
    /// <param name="negatives">K.</param>
    /// <param name="hiddenGradient">Precision of dH.</param>
    /// <param name="warps">Warps per group.</param>
    /// <param name="lanesPerRow">Lanes sharing a row: 32 (warp layout) or 1 (portable layout).</param>
    /// <param name="lanesPerItem">Lanes reading one item row, a power of two; 0 for one lane per 16-byte chunk of the row (up to the lanes of a row).</param>
    public PerRowGeometry(ElementType element, int hiddenSize, int negatives, GradientPrecision hiddenGradient, int warps, int lanesPerRow = WarpSize, int lanesPerItem = 0)
    {
        LanesPerRow = lanesPerRow;
        Element = element;
        HiddenSize = hiddenSize;
        Negatives = negatives;
        Warps = warps;
        ElementBytes = element == ElementType.Float32 ? 4 : 2;
        VectorWidth = 16 / ElementBytes;
        Chunks = hiddenSize / VectorWidth;
        LanesPerItem = Math.Min(lanesPerRow, lanesPerItem > 0 ? lanesPerItem : NextPowerOfTwo(Math.Max(1, Chunks)));
        ChunksPerLane = (Chunks + LanesPerItem - 1) / LanesPerItem;
        ItemsPerWarp = lanesPerRow / LanesPerItem;
        GradientBytes = hiddenGradient == GradientPrecision.Float32 ? 4 : ElementBytes;
        GradientVectorWidth = 16 / GradientBytes;
        GradientChunks = hiddenSize / GradientVectorWidth;
    }

    /// <summary>Lanes that share one row: 32 in the warp layout, 1 in the portable layout.</summary>
    public int LanesPerRow { get; }

    /// <summary>Storage type of H and W.</summary>
    public ElementType Element { get; }

    /// <summary>Hidden size D.</summary>
    public int HiddenSize { get; }

    /// <summary>Negatives per row K.</summary>
    public int Negatives { get; }

    /// <summary>Warps per group.</summary>
    public int Warps { get; }

    /// <summary>Bytes of one element of H and W.</summary>
    public int ElementBytes { get; }

    /// <summary>Elements in one 16-byte chunk: the vector width D must be a multiple of.</summary>
    public int VectorWidth { get; }

    /// <summary>16-byte chunks in one row of H or W.</summary>
    public int Chunks { get; }

    /// <summary>Lanes that read one item row together (a power of two, at most 32).</summary>
    public int LanesPerItem { get; }

    /// <summary>Chunks of one item row each lane reads.</summary>
    public int ChunksPerLane { get; }

    /// <summary>Item rows the lanes of one row read at once.</summary>
    public int ItemsPerWarp { get; }

    /// <summary>Bytes of one element of the hidden-state gradient.</summary>
    public int GradientBytes { get; }

    /// <summary>Gradient elements in one 16-byte chunk.</summary>
    public int GradientVectorWidth { get; }

    /// <summary>16-byte chunks in one row of the hidden-state gradient.</summary>
    public int GradientChunks { get; }

    /// <summary>Threads per group.</summary>
    public int ThreadsPerGroup => Warps * WarpSize;

    /// <summary>Dynamic shared memory of the fused kernel: each warp keeps its row's K+1 logits between the two passes.</summary>
    public long FusedSharedBytes => KeepsLogits ? (long)Warps * (Negatives + 1L) * sizeof(float) : 0;

    /// <summary>Whether the fused kernel keeps the logits in shared memory (warp layout) or recomputes them (portable layout).</summary>
    public bool KeepsLogits => LanesPerRow > 1;

    /// <summary>Whether D is a positive multiple of the vector width.</summary>
    public bool HiddenSizeFitsVectors => HiddenSize > 0 && HiddenSize % VectorWidth == 0;

    private static int NextPowerOfTwo(int value)
    {
        int p = 1;
        while (p < value)
        {
            p <<= 1;
        }

        return p;
    }
}
