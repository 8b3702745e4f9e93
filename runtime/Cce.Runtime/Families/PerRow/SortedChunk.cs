using ILGPU;

namespace Cce.Families.PerRow;

/// <summary>
/// The second argument of the sorted pipeline's dW kernels: one chunk of rows and the workspace its (item, row)
/// pairs are sorted in. Rows are stored relative to <see cref="RowStart"/> in 16 bits, so a chunk has at most 65,536.
/// </summary>
public struct SortedChunk
{
    /// <summary>Pairs per item, [V + 1]: counted by the count kernel, then reused as the fill's cursors.</summary>
    public ArrayView<int> Counts;

    /// <summary>Exclusive prefix sums of the counts, [V + 1]: item v's segment is [Offsets[v], Offsets[v + 1]).</summary>
    public ArrayView<int> Offsets;

    /// <summary>The rows of each item's segment, relative to <see cref="RowStart"/>, [Pairs].</summary>
    public ArrayView<ushort> Payload;

    /// <summary>First row of the chunk.</summary>
    public int RowStart;

    /// <summary>(item, row) pairs of the chunk: its rows times K, or times K + 1 when the positives join the sort (deterministic gradients).</summary>
    public int Pairs;

    /// <summary>1 for the first chunk of a call that overwrites dW: it stores every dW row (zeros where it has no pair); else 0, add.</summary>
    public int FirstChunk;
}
