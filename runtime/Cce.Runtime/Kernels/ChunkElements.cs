using ILGPU;

namespace Cce.Kernels;

/// <summary>One element of a 16-byte chunk picked by a run-time index, widened to fp32 (for per-lane strided access).</summary>
public static class ChunkElements
{
    /// <summary>Word <paramref name="index"/> (0 to 3) of <paramref name="chunk"/>.</summary>
    public static uint Word(U4 chunk, int index) => index == 0 ? chunk.X : index == 1 ? chunk.Y : index == 2 ? chunk.Z : chunk.W;

    /// <summary>Element <paramref name="index"/> (0 to 3) of a chunk of four fp32 values.</summary>
    public static float Float32(U4 chunk, int index) => Interop.IntAsFloat(Word(chunk, index));

    /// <summary>Element <paramref name="index"/> (0 to 7) of a chunk of eight bfloat16 values.</summary>
    public static float BFloat16(U4 chunk, int index)
    {
        uint word = Word(chunk, index >> 1);
        return (index & 1) == 0 ? ElementConversion.BFloat16Low(word) : ElementConversion.BFloat16High(word);
    }

    /// <summary>Element <paramref name="index"/> (0 to 7) of a chunk of eight binary16 values.</summary>
    public static float Half(U4 chunk, int index)
    {
        uint word = Word(chunk, index >> 1);
        return (index & 1) == 0 ? ElementConversion.HalfLow(word) : ElementConversion.HalfHigh(word);
    }
}
