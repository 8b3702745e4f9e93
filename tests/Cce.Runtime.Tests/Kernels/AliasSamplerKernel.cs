using Cce.Kernels;
using ILGPU;

namespace Cce.Runtime.Tests.Kernels;

/// <summary>A kernel that draws <see cref="Slots"/> negatives per row from an alias table.</summary>
public static class AliasSamplerKernel
{
    public const int Slots = 64;

    public static void Sample(
        Index1D index, ArrayView<int> draws, ArrayView<int> table, uint seedLo, uint seedHi, uint stepLo, uint stepHi, int catalog)
    {
        int row = index / Slots;
        int slot = index - (row * Slots);
        draws[index] = AliasSampler.Draw(seedLo, seedHi, stepLo, stepHi, row, slot, table, catalog);
    }

    /// <summary>The bucket and coin of each draw, without a table: reaches the rejection path of catalogs too large to hold.</summary>
    public static void Choose(
        Index1D index, ArrayView<int> buckets, ArrayView<uint> coins, uint seedLo, uint seedHi, uint stepLo, uint stepHi, int catalog)
    {
        int row = index / Slots;
        int slot = index - (row * Slots);
        AliasSampler.Pick pick = AliasSampler.Choose(seedLo, seedHi, stepLo, stepHi, row, slot, catalog);
        buckets[index] = pick.Bucket;
        coins[index] = pick.Coin;
    }
}
