using Cce.Families.Matrix;

namespace Cce;

/// <summary>The matrix kernels the generator emitted for one tile.</summary>
public sealed class MatrixVariant : KernelVariant
{
    /// <summary>Creates the variant of <paramref name="tile"/>.</summary>
    /// <param name="tile">The tile the kernels were specialised for.</param>
    /// <param name="layout">How threads share the work.</param>
    /// <param name="forwardRows">Per-row log-sum-exp and loss; with item splits, each split's running maximum and sum (the target's logit in the loss).</param>
    /// <param name="forwardGradientRows">Log-sum-exp, loss and dH of each row in one walk over the catalog.</param>
    /// <param name="gradientRows">dH of each row from a saved log-sum-exp.</param>
    /// <param name="gradientItems">dW of each item from a saved log-sum-exp.</param>
    /// <param name="staged">Whether the kernels stage their tiles in dynamic shared memory (the matrix-unit kernels) rather than read straight from memory.</param>
    public MatrixVariant(
        MatrixTile tile,
        KernelLayout layout,
        Action<MatrixArguments> forwardRows,
        Action<MatrixArguments> forwardGradientRows,
        Action<MatrixArguments> gradientRows,
        Action<MatrixArguments> gradientItems,
        bool staged)
        : base(layout)
    {
        ArgumentNullException.ThrowIfNull(tile);
        ArgumentNullException.ThrowIfNull(forwardRows);
        ArgumentNullException.ThrowIfNull(forwardGradientRows);
        ArgumentNullException.ThrowIfNull(gradientRows);
        ArgumentNullException.ThrowIfNull(gradientItems);
        MatrixTile = tile;
        ForwardRows = forwardRows;
        ForwardGradientRows = forwardGradientRows;
        GradientRows = gradientRows;
        GradientItems = gradientItems;
        Staged = staged;
    }

    /// <summary>Whether the kernels stage their tiles in dynamic shared memory, sized by <see cref="MatrixGeometry.SharedBytes"/>.</summary>
    public bool Staged { get; }

    /// <inheritdoc />
    /// <remarks>
    /// The staged kernels are the matrix-unit ones; the warpgroup kernels are not emulated at all: they do not run on the
    /// CPU accelerator (<see cref="RunsOn"/>).
    /// </remarks>
    public override bool EmulatedOnCpu => Staged && !MatrixTile.WarpGroups;

    /// <inheritdoc />
    /// <remarks>The warpgroup kernels: sm_90a code, which only GPUs of compute capability 9.0 (Hopper) run.</remarks>
    public override string? RequiredArchitecture => MatrixTile.WarpGroups ? $"{Sm90aKernelLoader.Architecture} (compute capability {Sm90aKernelLoader.ComputeCapability}, Hopper)" : null;

    /// <inheritdoc />
    public override bool RunsOn(CceDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        return !MatrixTile.WarpGroups || Sm90aKernelLoader.Supports(device);
    }

    /// <inheritdoc />
    public override KernelTile Tile => MatrixTile;

    /// <summary>The tile, with its matrix facts.</summary>
    public MatrixTile MatrixTile { get; }

    /// <summary>Per-row log-sum-exp and loss; with item splits, each split's running maximum and sum (the target's logit in the loss).</summary>
    public Action<MatrixArguments> ForwardRows { get; }

    /// <summary>Log-sum-exp, loss and dH of each row in one walk over the catalog.</summary>
    public Action<MatrixArguments> ForwardGradientRows { get; }

    /// <summary>dH of each row from a saved log-sum-exp.</summary>
    public Action<MatrixArguments> GradientRows { get; }

    /// <summary>dW of each item from a saved log-sum-exp.</summary>
    public Action<MatrixArguments> GradientItems { get; }

    internal override LoadedKernels Load(CceDevice device, LossDescription description) => new MatrixKernelSet(device, description, this);
}
