namespace Cce;

/// <summary>One launch configuration a generated kernel set was specialised for.</summary>
/// <param name="Warps">Warps per group.</param>
/// <param name="RowsPerGroup">Rows per group, a multiple of <paramref name="Warps"/>.</param>
/// <param name="ItemsInFlight">Item rows each lane sub-group loads before reducing them.</param>
public sealed record TileConfig(int Warps, int RowsPerGroup, int ItemsInFlight)
{
    /// <summary>Rows each warp handles in sequence.</summary>
    public int RowsPerWarp => RowsPerGroup / Warps;

    /// <summary>Threads per group.</summary>
    public int ThreadsPerGroup => Warps * KernelGeometry.WarpSize;

    /// <summary>A short stable name, e.g. "w8r16f2".</summary>
    public override string ToString() => $"w{Warps}r{RowsPerGroup}f{ItemsInFlight}";
}
