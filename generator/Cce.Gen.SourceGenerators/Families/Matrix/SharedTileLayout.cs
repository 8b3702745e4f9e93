using static Cce.Gen.SourceGenerators.Emitting.InvariantText;

namespace Cce.Gen.SourceGenerators.Families.Matrix;

/// <summary>
/// Where a 16-byte chunk of a row sits in a tile the matrix kernels stage in shared memory, so that the statements that
/// copy rows in and those that read them back agree on it. Either way chunk c of row r is moved to c ^ (r &amp; 7) within
/// its group of eight, so the eight rows one instruction reads fall in different banks.
/// </summary>
internal sealed class SharedTileLayout
{
    private readonly bool blocked;

    private SharedTileLayout(bool blocked) => this.blocked = blocked;

    /// <summary>Whole rows one after the other, <c>C</c> chunks each: what the mma.sync kernels' ldmatrix reads.</summary>
    public static SharedTileLayout RowMajor { get; } = new(blocked: false);

    /// <summary>
    /// D cut into blocks of 64 elements, each block's 128-byte rows one after the other and the blocks a tile's rows ×
    /// 128 bytes apart: the 128-byte swizzle the warpgroup instructions read.
    /// </summary>
    public static SharedTileLayout Blocked { get; } = new(blocked: true);

    /// <summary>The chunk index (an int expression) of chunk <paramref name="chunk"/> of row <paramref name="row"/> in a tile of <paramref name="rows"/> rows; the arguments are names or parenthesised expressions.</summary>
    public string Chunk(string row, string chunk, string rows) => blocked
        ? $"({chunk} >> 3) * ({rows} * 8) + {row} * 8 + (({chunk} & 7) ^ ({row} & 7))"
        : $"{row} * C + ({chunk} ^ ({row} & 7))";

    /// <summary><see cref="Chunk(string, string, string)"/> of a chunk known to the generator, its block folded in.</summary>
    public string Chunk(string row, int chunk, string rows) => blocked
        ? Invariant($"{(chunk >> 3 == 0 ? string.Empty : Invariant($"{chunk >> 3} * ({rows} * 8) + "))}{row} * 8 + ({chunk & 7} ^ ({row} & 7))")
        : Chunk(row, Invariant($"{chunk}"), rows);
}
