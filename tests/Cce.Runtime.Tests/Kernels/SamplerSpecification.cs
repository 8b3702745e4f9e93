using Cce.Kernels;

namespace Cce.Runtime.Tests.Kernels;

/// <summary>
/// The sampler's documented definition, written as plainly as possible (a loop over attempts, a modulo computed
/// up front): an independent statement of the contract the optimised <see cref="UniformSampler"/> must meet.
/// </summary>
internal static class SamplerSpecification
{
    public static int Draw(ulong seed, ulong step, int row, int slot, int catalog, out int attempts)
    {
        uint v = (uint)catalog;
        uint threshold = (uint)((4294967296UL - v) % v);
        for (uint attempt = 0; ; attempt++)
        {
            uint key1 = (uint)(seed >> 32) ^ unchecked(attempt * 0x9E3779B9u);
            U4 block = Philox.Generate(new U4((uint)slot >> 2, (uint)row, (uint)step, (uint)(step >> 32)), (uint)seed, key1);
            uint x = (slot & 3) switch { 0 => block.X, 1 => block.Y, 2 => block.Z, _ => block.W };
            ulong m = (ulong)x * v;
            if ((uint)m >= threshold)
            {
                attempts = (int)attempt + 1;
                return (int)(m >> 32);
            }
        }
    }
}
