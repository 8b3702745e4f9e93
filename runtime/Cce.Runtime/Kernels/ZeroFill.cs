using ILGPU;

namespace Cce.Kernels;

/// <summary>
/// Clears a float buffer with 16-byte stores. The driver's memset writes the dense dW of a large catalog (a quarter of a
/// gigabyte at V = 250,000, D = 256) well below the write bandwidth, and that clear is a large share of a sampled call.
/// </summary>
public static class ZeroFill
{
    /// <summary>One thread per 16 bytes of <paramref name="body"/>; the first threads also clear the floats of <paramref name="tail"/> (fewer than four).</summary>
    public static void Clear(Index1D index, ArrayView<U4> body, ArrayView<float> tail)
    {
        if (index < body.Length)
        {
            body[index] = default;
        }

        if (index < tail.Length)
        {
            tail[index] = 0f;
        }
    }
}
