using System.Runtime.CompilerServices;

namespace Cce.Kernels;

/// <summary>
/// The uniform negative sampler of <see cref="NegativeScheme.UniformPerRow"/>: every drawn index is a pure
/// function of (seed, step, row, slot, catalog), so the host, ILGPU's CPU accelerator and the GPU draw the same
/// indices, and a backward pass regenerates exactly the indices of its forward pass.
/// </summary>
/// <remarks>
/// <para>This definition is part of the reproducibility contract: it does not change between versions.</para>
/// <para>
/// Negative <c>slot</c> of <c>row</c> is word <c>slot &amp; 3</c> (0 = <see cref="U4.X"/> … 3 = <see cref="U4.W"/>) of the
/// <see cref="Philox"/> block with counter (<c>slot &gt;&gt; 2</c>, <c>row</c>, <c>stepLo</c>, <c>stepHi</c>) and key
/// (<c>seedLo</c>, <c>seedHi ^ (attempt · 0x9E3779B9)</c>), with <c>attempt = 0</c> first; products wrap modulo 2^32.
/// </para>
/// <para>
/// That word x is mapped to [0, V) by Lemire's multiply-shift with rejection ("Fast random integer generation in an
/// interval", 2019): m = x · V as a 64-bit product; if its low word l = m mod 2^32 is below
/// t = (2^32 − V) mod V, the draw is rejected and redrawn with the next attempt; otherwise the index is m &gt;&gt; 32.
/// Every index of [0, V) then has probability exactly 1/V for any V. Rejection happens with probability t / 2^32 &lt; V / 2^32,
/// so it is rare for catalogs far below 2^32, and the modulo runs only once l &lt; V, itself a rare event.
/// </para>
/// <para>Slots 4g … 4g+3 share one block, which <see cref="Block"/> returns mapped all at once.</para>
/// </remarks>
public static class UniformSampler
{
    /// <summary>Multiplier of the attempt number in the key's high word: the golden ratio, as in the Philox key schedule.</summary>
    public const uint AttemptKeyStep = 0x9E3779B9u;

    /// <summary>The index of negative <paramref name="slot"/> of <paramref name="row"/>, uniform over [0, <paramref name="catalog"/>).</summary>
    /// <param name="seedLo">Sampling seed, low 32 bits.</param>
    /// <param name="seedHi">Sampling seed, high 32 bits.</param>
    /// <param name="stepLo">Training step, low 32 bits.</param>
    /// <param name="stepHi">Training step, high 32 bits.</param>
    /// <param name="row">Row n of the batch (its bits are used as an unsigned word).</param>
    /// <param name="slot">Negative k of the row, 0 ≤ k (its bits are used as an unsigned word).</param>
    /// <param name="catalog">Catalog size V ≥ 1; not checked here (kernels cannot throw): callers validate it.</param>
    public static int Draw(uint seedLo, uint seedHi, uint stepLo, uint stepHi, int row, int slot, int catalog)
    {
        var counter = new U4((uint)slot >> 2, (uint)row, stepLo, stepHi);
        int word = slot & 3;
        U4 block = Philox.Generate(counter, seedLo, seedHi);
        return Map(Word(block, word), (uint)catalog, counter, word, seedLo, seedHi);
    }

    /// <summary>
    /// The indices of slots 4·<paramref name="group"/> … 4·<paramref name="group"/> + 3 of <paramref name="row"/>, in
    /// <see cref="U4.X"/> … <see cref="U4.W"/>: each equal to <see cref="Draw(uint, uint, uint, uint, int, int, int)"/> of its slot, from one generator call.
    /// </summary>
    /// <param name="seedLo">Sampling seed, low 32 bits.</param>
    /// <param name="seedHi">Sampling seed, high 32 bits.</param>
    /// <param name="stepLo">Training step, low 32 bits.</param>
    /// <param name="stepHi">Training step, high 32 bits.</param>
    /// <param name="row">Row n of the batch.</param>
    /// <param name="group">Group of four slots, slot / 4.</param>
    /// <param name="catalog">Catalog size V ≥ 1; not checked here: callers validate it.</param>
    public static U4 Block(uint seedLo, uint seedHi, uint stepLo, uint stepHi, int row, int group, int catalog)
    {
        var counter = new U4((uint)group, (uint)row, stepLo, stepHi);
        uint v = (uint)catalog;
        U4 block = Philox.Generate(counter, seedLo, seedHi);
        return new U4(
            (uint)Map(block.X, v, counter, 0, seedLo, seedHi),
            (uint)Map(block.Y, v, counter, 1, seedLo, seedHi),
            (uint)Map(block.Z, v, counter, 2, seedLo, seedHi),
            (uint)Map(block.W, v, counter, 3, seedLo, seedHi));
    }

    /// <summary>Host form of <see cref="Draw(uint, uint, uint, uint, int, int, int)"/> with 64-bit seed and step split into their low and high words.</summary>
    public static int Draw(ulong seed, ulong step, int row, int slot, int catalog) =>
        Draw((uint)seed, (uint)(seed >> 32), (uint)step, (uint)(step >> 32), row, slot, catalog);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Map(uint x, uint v, U4 counter, int word, uint seedLo, uint seedHi)
    {
        ulong m = (ulong)x * v;
        if ((uint)m < v)
        {
            m = Reject(m, v, counter, word, seedLo, seedHi);
        }

        return (int)(m >> 32);
    }

    // Kept out of line: the rare path must not weigh on the common one's registers.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ulong Reject(ulong m, uint v, U4 counter, int word, uint seedLo, uint seedHi)
    {
        uint threshold = unchecked(0u - v) % v;
        uint attempt = 0;
        while ((uint)m < threshold)
        {
            attempt++;
            U4 block = Philox.Generate(counter, seedLo, seedHi ^ unchecked(attempt * AttemptKeyStep));
            m = (ulong)Word(block, word) * v;
        }

        return m;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Word(U4 block, int word) =>
        word == 0 ? block.X : word == 1 ? block.Y : word == 2 ? block.Z : block.W;
}
