using System.Runtime.CompilerServices;

namespace Cce.Kernels;

/// <summary>
/// The Philox-4x32-10 counter-based generator (Salmon, Moraes, Dror and Shaw, "Parallel random numbers:
/// as easy as 1, 2, 3", SC 2011; the Random123 library): a keyed bijection of a 128-bit counter, so any
/// block of four random words is computed directly from its counter with no state to carry.
/// Usable inside kernels and on the host alike: scalars and structs only, no allocation.
/// </summary>
public static class Philox
{
    /// <summary>Multiplier of counter word 0.</summary>
    public const uint Multiplier0 = 0xD2511F53u;

    /// <summary>Multiplier of counter word 2.</summary>
    public const uint Multiplier1 = 0xCD9E8D57u;

    /// <summary>Added to key word 0 between rounds (the golden ratio).</summary>
    public const uint KeyBump0 = 0x9E3779B9u;

    /// <summary>Added to key word 1 between rounds (√3 − 1).</summary>
    public const uint KeyBump1 = 0xBB67AE85u;

    /// <summary>The block of four words for <paramref name="counter"/> under the key (<paramref name="key0"/>, <paramref name="key1"/>).</summary>
    /// <remarks>
    /// Word order follows Random123: counter word 0 and result word 0 are its <c>ctr.v[0]</c> and <c>out.v[0]</c>,
    /// so its published known-answer vectors apply as written.
    /// </remarks>
    public static U4 Generate(U4 counter, uint key0, uint key1)
    {
        // Ten rounds written out: ILGPU does not unroll loops, and the key schedule then folds into adds.
        // Wrapping is the key schedule's arithmetic, modulo 2^32.
        unchecked
        {
            U4 c = Round(counter, key0, key1);
            c = Round(c, key0 + KeyBump0, key1 + KeyBump1);
            c = Round(c, key0 + (2 * KeyBump0), key1 + (2 * KeyBump1));
            c = Round(c, key0 + (3 * KeyBump0), key1 + (3 * KeyBump1));
            c = Round(c, key0 + (4 * KeyBump0), key1 + (4 * KeyBump1));
            c = Round(c, key0 + (5 * KeyBump0), key1 + (5 * KeyBump1));
            c = Round(c, key0 + (6 * KeyBump0), key1 + (6 * KeyBump1));
            c = Round(c, key0 + (7 * KeyBump0), key1 + (7 * KeyBump1));
            c = Round(c, key0 + (8 * KeyBump0), key1 + (8 * KeyBump1));
            return Round(c, key0 + (9 * KeyBump0), key1 + (9 * KeyBump1));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static U4 Round(U4 c, uint key0, uint key1)
    {
        // A 32x32→64 product gives both halves in one instruction (mul.wide.u32) on the GPU.
        ulong product0 = (ulong)Multiplier0 * c.X;
        ulong product1 = (ulong)Multiplier1 * c.Z;
        return new U4(
            (uint)(product1 >> 32) ^ c.Y ^ key0,
            (uint)product1,
            (uint)(product0 >> 32) ^ c.W ^ key1,
            (uint)product0);
    }
}
