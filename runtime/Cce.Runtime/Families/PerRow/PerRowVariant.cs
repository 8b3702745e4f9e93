using Cce.Families.PerRow;

namespace Cce;

/// <summary>The three per-row kernels the generator emitted for one tile.</summary>
public sealed class PerRowVariant : KernelVariant
{
    /// <summary>Creates the variant of <paramref name="tile"/>.</summary>
    /// <param name="tile">The tile the kernels were specialised for.</param>
    /// <param name="layout">How threads share a row.</param>
    /// <param name="forward">Loss and per-row log-sum-exp.</param>
    /// <param name="backward">Gradients from a saved log-sum-exp.</param>
    /// <param name="forwardBackward">Loss, log-sum-exp and gradients in one pass.</param>
    public PerRowVariant(PerRowTile tile, KernelLayout layout, Action<PerRowArguments> forward, Action<PerRowArguments> backward, Action<PerRowArguments> forwardBackward)
        : base(layout)
    {
        ArgumentNullException.ThrowIfNull(tile);
        ArgumentNullException.ThrowIfNull(forward);
        ArgumentNullException.ThrowIfNull(backward);
        ArgumentNullException.ThrowIfNull(forwardBackward);
        RowTile = tile;
        Forward = forward;
        Backward = backward;
        ForwardBackward = forwardBackward;
    }

    /// <inheritdoc />
    public override KernelTile Tile => RowTile;

    /// <summary>The tile, with its per-row facts.</summary>
    public PerRowTile RowTile { get; }

    /// <summary>Loss and per-row log-sum-exp.</summary>
    public Action<PerRowArguments> Forward { get; }

    /// <summary>Gradients from a saved log-sum-exp.</summary>
    public Action<PerRowArguments> Backward { get; }

    /// <summary>Loss, log-sum-exp and gradients in one pass.</summary>
    public Action<PerRowArguments> ForwardBackward { get; }

    internal override LoadedKernels Load(CceDevice device, LossDescription description) => new PerRowKernelSet(device, description, this);
}
