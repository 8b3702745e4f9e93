using Cce.Kernels;
using ILGPU;

namespace Cce.Runtime.Tests.Kernels;

/// <summary>A kernel that draws <see cref="Slots"/> negatives per row with both sampler entry points.</summary>
public static class SamplerKernel
{
    public const int Slots = 64;

    public static void Sample(
        Index1D index, ArrayView<int> draws, ArrayView<U4> blocks, uint seedLo, uint seedHi, uint stepLo, uint stepHi, int catalog)
    {
        int row = index / Slots;
        int slot = index - (row * Slots);
        draws[index] = UniformSampler.Draw(seedLo, seedHi, stepLo, stepHi, row, slot, catalog);
        if ((slot & 3) == 0)
        {
            blocks[index >> 2] = UniformSampler.Block(seedLo, seedHi, stepLo, stepHi, row, slot >> 2, catalog);
        }
    }
}
