using System.Runtime.CompilerServices;
using ILGPU;

namespace Cce.Kernels;

/// <summary>
/// The popularity negative sampler: draws an item from a catalog distribution q through an alias table
/// (Walker 1977; Vose 1991) built on the device by <see cref="AliasTableKernels"/>. Every drawn index is a pure
/// function of (seed, step, row, slot, table), so the host, ILGPU's CPU accelerator and the GPU draw the same
/// indices, and a backward pass regenerates exactly the indices of its forward pass.
/// </summary>
/// <remarks>
/// <para>This definition is part of the reproducibility contract: it does not change between versions.</para>
/// <para>
/// The table holds 2·V ints. Bucket b (0 ≤ b &lt; V) is the pair at [2b] and [2b + 1]: its acceptance threshold
/// t_b, read as an unsigned word in units of 2^-31 of a bucket (0 ≤ t_b ≤ 2^31), and its alias item a_b.
/// </para>
/// <para>
/// Negative <c>slot</c> of <c>row</c> uses the <see cref="Philox"/> block with counter
/// (<c>slot</c>, <c>row</c>, <c>stepLo</c>, <c>stepHi</c>) and key
/// (<c>seedLo</c>, <c>seedHi ^ </c><see cref="KeyTweak"/><c> ^ (attempt · 0x9E3779B9)</c>), with <c>attempt = 0</c>
/// first; products wrap modulo 2^32. The tweak keeps these blocks apart from those of <see cref="UniformSampler"/>
/// under the same seed.
/// </para>
/// <para>
/// Word <see cref="U4.X"/> picks the bucket b uniformly in [0, V) by Lemire's multiply-shift with rejection, exactly
/// as <see cref="UniformSampler"/> maps its words: m = x · V as a 64-bit product; if its low word is below
/// (2^32 − V) mod V the bucket is redrawn from word X of the next attempt's block; otherwise b = m &gt;&gt; 32.
/// Word <see cref="U4.Y"/> of the first block (attempt 0, whatever the bucket needed) is the coin: the draw is b when
/// (Y &gt;&gt; 1) &lt; t_b and a_b otherwise. Y is independent of every word X, so the coin stays uniform over
/// [0, 2^31) and item j is drawn with probability exactly (Σ_{b = j} t_b + Σ_{a_b = j} (2^31 − t_b)) / (V · 2^31).
/// Words Z and W are unused.
/// </para>
/// </remarks>
public static class AliasSampler
{
    /// <summary>
    /// XORed into the key's high word: the first 32 bits of the fractional part of √7 (as in SHA-256's initial
    /// hash), chosen so that no small attempt numbers of this sampler and of <see cref="UniformSampler"/> share a key.
    /// </summary>
    public const uint KeyTweak = 0xA54FF53Au;

    /// <summary>One bucket in threshold units: an acceptance threshold lies in [0, <see cref="BucketUnits"/>].</summary>
    public const long BucketUnits = 1L << 31;

    /// <summary>The largest catalog a table can describe: 2·V ints must be addressable with an int index.</summary>
    public const int CatalogLimit = 1 << 30;

    /// <summary>The item drawn for negative <paramref name="slot"/> of <paramref name="row"/> from <paramref name="table"/>.</summary>
    /// <param name="seedLo">Sampling seed, low 32 bits.</param>
    /// <param name="seedHi">Sampling seed, high 32 bits.</param>
    /// <param name="stepLo">Training step, low 32 bits.</param>
    /// <param name="stepHi">Training step, high 32 bits.</param>
    /// <param name="row">Row n of the batch (its bits are used as an unsigned word).</param>
    /// <param name="slot">Negative k of the row (its bits are used as an unsigned word).</param>
    /// <param name="table">The alias table: 2·<paramref name="catalog"/> ints as described on the class.</param>
    /// <param name="catalog">Catalog size V, 1 ≤ V ≤ 2^30; not checked here (kernels cannot throw): callers validate it.</param>
    public static int Draw(uint seedLo, uint seedHi, uint stepLo, uint stepHi, int row, int slot, ArrayView<int> table, int catalog)
    {
        Pick pick = Choose(seedLo, seedHi, stepLo, stepHi, row, slot, catalog);

        // The alias word is read only when the coin rejects the bucket's own item.
        return Keeps(pick.Coin, table[2 * pick.Bucket]) ? pick.Bucket : table[(2 * pick.Bucket) + 1];
    }

    /// <summary>
    /// Host form of <see cref="Draw(uint, uint, uint, uint, int, int, ArrayView{int}, int)"/>, with 64-bit seed and step
    /// split into their low and high words and V = <paramref name="table"/>.Length / 2: the same index for the same arguments.
    /// </summary>
    /// <exception cref="ArgumentException">The table does not hold 2·V ints with 1 ≤ V ≤ 2^30.</exception>
    public static int Draw(ulong seed, ulong step, int row, int slot, ReadOnlySpan<int> table)
    {
        if (table.Length < 2 || (table.Length & 1) != 0 || table.Length / 2 > CatalogLimit)
        {
            throw new ArgumentException($"Expected an alias table of 2·V ints with 1 <= V <= {CatalogLimit}; got {table.Length} ints.", nameof(table));
        }

        Pick pick = Choose((uint)seed, (uint)(seed >> 32), (uint)step, (uint)(step >> 32), row, slot, table.Length / 2);
        return Keeps(pick.Coin, table[2 * pick.Bucket]) ? pick.Bucket : table[(2 * pick.Bucket) + 1];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool Keeps(uint coin, int threshold) => (coin >> 1) < (uint)threshold;

    /// <summary>The bucket and coin of a draw, before the table is read: shared by both <c>Draw</c> overloads.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Pick Choose(uint seedLo, uint seedHi, uint stepLo, uint stepHi, int row, int slot, int catalog)
    {
        var counter = new U4((uint)slot, (uint)row, stepLo, stepHi);
        uint key1 = seedHi ^ KeyTweak;
        U4 block = Philox.Generate(counter, seedLo, key1);
        uint v = (uint)catalog;
        ulong m = (ulong)block.X * v;
        if ((uint)m < v)
        {
            m = Reject(m, v, counter, seedLo, key1);
        }

        return new Pick((int)(m >> 32), block.Y);
    }

    // Kept out of line: the rare path must not weigh on the common one's registers.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ulong Reject(ulong m, uint v, U4 counter, uint seedLo, uint key1)
    {
        uint threshold = unchecked(0u - v) % v;
        uint attempt = 0;
        while ((uint)m < threshold)
        {
            attempt++;
            U4 block = Philox.Generate(counter, seedLo, key1 ^ unchecked(attempt * UniformSampler.AttemptKeyStep));
            m = (ulong)block.X * v;
        }

        return m;
    }

    /// <summary>A bucket and the coin that decides between its own item and its alias.</summary>
    internal readonly struct Pick(int bucket, uint coin)
    {
        public int Bucket { get; } = bucket;

        public uint Coin { get; } = coin;
    }
}
