namespace Cce.Gen.SourceGenerators.Models;

/// <summary>The values of one <c>[PerRowTile]</c> attribute.</summary>
/// <param name="Warps">Warps per group.</param>
/// <param name="RowsPerGroup">Rows per group.</param>
/// <param name="ItemsInFlight">Item rows a sub-group loads before reducing them (rows, in the sorted reduction).</param>
/// <param name="Pipeline">How gradients are formed.</param>
/// <param name="ChunkRows">Rows per chunk of the sorted pipeline's dW pass; 0 for the fused pipeline.</param>
/// <param name="LanesPerItem">Lanes that read one item row (a power of two); 0 for one per 16-byte chunk of the row.</param>
internal sealed record TileModel(int Warps, int RowsPerGroup, int ItemsInFlight, PerRowPipeline Pipeline = PerRowPipeline.Fused, int ChunkRows = 0, int LanesPerItem = 0, int MinGroupsPerMultiprocessor = 0);
