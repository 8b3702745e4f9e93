namespace Cce.Gen.SourceGenerators.Models;

/// <summary>The values of one <c>[MatrixTile]</c> attribute.</summary>
/// <param name="Rows">Rows of H a group owns.</param>
/// <param name="Items">Items of W per tile.</param>
/// <param name="DStep">Elements of D staged at a time.</param>
/// <param name="Warps">Warps per group.</param>
/// <param name="Stages">Tiles in flight.</param>
/// <param name="WarpGroups">Whether the kernels run on Hopper's warpgroup matrix instructions.</param>
internal sealed record MatrixTileModel(int Rows, int Items, int DStep, int Warps, int Stages, bool WarpGroups = false)
{
    /// <summary>The tile's canonical text, as the runtime's <c>MatrixTile</c> writes it, e.g. "m64n64k64w4s2" or "m128n128k256w8s2wg".</summary>
    public string Suffix => Emitting.InvariantText.Invariant($"m{Rows}n{Items}k{DStep}w{Warps}s{Stages}{(WarpGroups ? "wg" : string.Empty)}");

    /// <summary>The numbers, as the shared geometry takes them.</summary>
    public Cce.Families.Matrix.MatrixTileSize Size => new(Rows, Items, DStep, Warps, Stages, WarpGroups);
}
