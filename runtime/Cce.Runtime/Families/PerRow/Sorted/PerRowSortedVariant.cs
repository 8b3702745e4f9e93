using Cce.Families.PerRow;
using Cce.Families.PerRow.Sorted;

namespace Cce;

/// <summary>The kernels of the sorted per-row pipeline the generator emitted for one tile.</summary>
public sealed class PerRowSortedVariant : KernelVariant
{
    /// <summary>Creates the variant of <paramref name="tile"/>.</summary>
    /// <param name="tile">The tile the kernels were specialised for; its pipeline is <see cref="PerRowPipeline.Sorted"/>.</param>
    /// <param name="layout">How threads share a row.</param>
    /// <param name="forward">Loss and per-row log-sum-exp.</param>
    /// <param name="backward">dH from a saved log-sum-exp and each row's positive coefficient.</param>
    /// <param name="forwardBackward">Loss, log-sum-exp, dH and each row's positive coefficient in one gather.</param>
    /// <param name="count">Counts a chunk's (item, row) pairs per item.</param>
    /// <param name="fill">Writes a chunk's rows into their items' segments.</param>
    /// <param name="reduce">Reduces each item's segment into its dW row.</param>
    /// <param name="positives">
    /// Adds each row's positive item gradient into dW; null when gradients are deterministic and the reduction sums the
    /// positives with the negatives.
    /// </param>
    public PerRowSortedVariant(
        PerRowTile tile, KernelLayout layout,
        Action<PerRowArguments> forward, Action<PerRowArguments> backward, Action<PerRowArguments> forwardBackward,
        Action<PerRowArguments, SortedChunk> count, Action<PerRowArguments, SortedChunk> fill, Action<PerRowArguments, SortedChunk> reduce,
        Action<PerRowArguments>? positives)
        : base(layout)
    {
        ArgumentNullException.ThrowIfNull(tile);
        if (tile.Pipeline != PerRowPipeline.Sorted || tile.ChunkRows is < 1 or > PerRowTile.MaxChunkRows)
        {
            throw new ArgumentException($"Expected a sorted tile with 1 to {PerRowTile.MaxChunkRows} rows per chunk; got {tile} ({tile.Pipeline}, {tile.ChunkRows} rows).", nameof(tile));
        }

        RowTile = tile;
        Forward = forward ?? throw new ArgumentNullException(nameof(forward));
        Backward = backward ?? throw new ArgumentNullException(nameof(backward));
        ForwardBackward = forwardBackward ?? throw new ArgumentNullException(nameof(forwardBackward));
        Count = count ?? throw new ArgumentNullException(nameof(count));
        Fill = fill ?? throw new ArgumentNullException(nameof(fill));
        Reduce = reduce ?? throw new ArgumentNullException(nameof(reduce));
        Positives = positives;
    }

    /// <inheritdoc />
    public override KernelTile Tile => RowTile;

    /// <summary>The tile, with its per-row facts.</summary>
    public PerRowTile RowTile { get; }

    /// <summary>Loss and per-row log-sum-exp.</summary>
    public Action<PerRowArguments> Forward { get; }

    /// <summary>dH from a saved log-sum-exp and each row's positive coefficient.</summary>
    public Action<PerRowArguments> Backward { get; }

    /// <summary>Loss, log-sum-exp, dH and each row's positive coefficient in one gather.</summary>
    public Action<PerRowArguments> ForwardBackward { get; }

    /// <summary>Counts a chunk's (item, row) pairs per item.</summary>
    public Action<PerRowArguments, SortedChunk> Count { get; }

    /// <summary>Writes a chunk's rows into their items' segments.</summary>
    public Action<PerRowArguments, SortedChunk> Fill { get; }

    /// <summary>Reduces each item's segment into its dW row.</summary>
    public Action<PerRowArguments, SortedChunk> Reduce { get; }

    /// <summary>Adds each row's positive item gradient into dW; null when the reduction sums the positives (deterministic gradients).</summary>
    public Action<PerRowArguments>? Positives { get; }

    internal override LoadedKernels Load(CceDevice device, LossDescription description) => new SortedKernelSet(device, description, this);
}
