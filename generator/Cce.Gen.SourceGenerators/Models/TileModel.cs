namespace Cce.Gen.SourceGenerators.Models;

/// <summary>The values of one <c>[PerRowTile]</c> attribute.</summary>
/// <param name="Warps">Warps per group.</param>
/// <param name="RowsPerGroup">Rows per group.</param>
/// <param name="ItemsInFlight">Item rows a sub-group loads before reducing them (rows, in the sorted reduction).</param>
/// <param name="Pipeline">How gradients are formed.</param>
/// <param name="ChunkRows">Rows per chunk of the sorted pipeline's dW pass; 0 for the fused pipeline.</param>
internal sealed record TileModel(int Warps, int RowsPerGroup, int ItemsInFlight, PerRowPipeline Pipeline = PerRowPipeline.Fused, int ChunkRows = 0);
