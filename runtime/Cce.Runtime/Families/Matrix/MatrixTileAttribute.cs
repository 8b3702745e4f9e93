namespace Cce;

/// <summary>
/// One launch configuration the generator specialises the matrix kernels for (the full-catalog scheme), and the tuner
/// may pick. A group of <see cref="Warps"/> warps owns <see cref="Rows"/> rows and walks the catalog in tiles of
/// <see cref="Items"/> items (and, for dW, the reverse), staging <see cref="DStep"/> elements of D at a time;
/// repeat the attribute to widen the search space.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class MatrixTileAttribute : Attribute
{
    /// <summary>Rows of H a group owns: 16 per warp, or a multiple of that. Default: 64.</summary>
    public int Rows { get; set; } = 64;

    /// <summary>Items of W per tile: a multiple of 16. Default: 64.</summary>
    public int Items { get; set; } = 64;

    /// <summary>Elements of D staged in shared memory at a time: a multiple of 16 that divides D. Default: 64.</summary>
    public int DStep { get; set; } = 64;

    /// <summary>Warps per group (1 to 16). Default: 4.</summary>
    public int Warps { get; set; } = 4;

    /// <summary>Tiles in flight in shared memory: 1 (no overlap) to 4. Default: 2.</summary>
    public int Stages { get; set; } = 2;
}
