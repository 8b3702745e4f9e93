using ILGPU;
using ILGPU.Runtime;

namespace Cce;

/// <summary>
/// Rejects a call whose outputs share memory with its inputs or with each other. The kernels read H and W while
/// other warps write dH and dW, so any overlap — in-place <c>gradHidden: hidden</c> included — would corrupt the
/// inputs before they are read or mix two outputs; there is no order of the launches that makes it safe.
/// </summary>
internal static class BufferOverlap
{
    /// <summary>One named buffer of a call.</summary>
    public readonly record struct Region(string Name, long Start, long Bytes)
    {
        public long End => Start + Bytes;

        public bool Overlaps(Region other) => Bytes > 0 && other.Bytes > 0 && Start < other.End && other.Start < End;
    }

    /// <summary>The region of <paramref name="tensor"/>, or null when it is absent.</summary>
    public static Region? Of<T>(CceTensor<T>? tensor, string name)
        where T : unmanaged =>
        tensor is null ? null : new Region(name, tensor.View.LoadEffectiveAddressAsPtr().ToInt64(), tensor.View.LengthInBytes);

    /// <summary>Throws when an output overlaps an input or another output, naming both.</summary>
    /// <exception cref="ArgumentException">Two buffers overlap; the parameter named is the output.</exception>
    public static void Reject(IEnumerable<Region?> inputs, IEnumerable<Region?> outputs)
    {
        Region[] reads = [.. inputs.OfType<Region>()];
        Region[] writes = [.. outputs.OfType<Region>()];
        for (int i = 0; i < writes.Length; i++)
        {
            foreach (Region read in reads)
            {
                Throw(writes[i], read, "an input it would overwrite before the kernels read it");
            }

            for (int j = i + 1; j < writes.Length; j++)
            {
                Throw(writes[i], writes[j], "another output");
            }
        }
    }

    private static void Throw(Region output, Region other, string what)
    {
        if (output.Overlaps(other))
        {
            throw new ArgumentException(
                $"Expected {output.Name} in memory of its own; it overlaps {other.Name}, {what} (in-place gradients are not supported).",
                output.Name);
        }
    }
}
