namespace Cce.Tuning.Cache;

/// <summary>
/// The shape part of a cache key: rows N and catalog size V, each exact up to <see cref="ExactLimit"/>
/// and rounded up to the next power of two above it, so training with varying batch sizes tunes a
/// bounded number of shapes.
/// </summary>
/// <param name="Rows">Bucketed rows N; build with <see cref="For"/>.</param>
/// <param name="Catalog">Bucketed catalog size V; build with <see cref="For"/>.</param>
public readonly record struct ShapeBucket(long Rows, long Catalog)
{
    /// <summary>Sizes up to this are their own bucket.</summary>
    public const long ExactLimit = 4096;

    /// <summary>The bucket of a problem with <paramref name="rows"/> rows and a catalog of <paramref name="catalog"/> items.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is negative.</exception>
    public static ShapeBucket For(long rows, long catalog) => new(Round(rows), Round(catalog));

    /// <summary><paramref name="size"/> itself up to <see cref="ExactLimit"/>, else the next power of two at or above it.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="size"/> is negative or above 2^62.</exception>
    public static long Round(long size)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, 1L << 62);
        return size <= ExactLimit ? size : (long)System.Numerics.BitOperations.RoundUpToPowerOf2((ulong)size);
    }

    /// <inheritdoc />
    public override string ToString() => FormattableString.Invariant($"N={Rows} V={Catalog}");
}
