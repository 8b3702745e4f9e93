namespace Cce.Gen.SourceGenerators.Models;

/// <summary>The values of one <c>[PerRowTile]</c> attribute.</summary>
internal sealed record TileModel(int Warps, int RowsPerGroup, int ItemsInFlight);
