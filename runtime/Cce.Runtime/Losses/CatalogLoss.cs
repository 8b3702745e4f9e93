namespace Cce;

/// <summary>
/// What every generated loss offers whatever its element types: its device, description and kernels, the options
/// of its calls, and a typed callback (<see cref="Accept{TResult}"/>) for tools that upload inputs of any type.
/// The typed entry points live on <see cref="CatalogLoss{TElement, TGrad}"/> and on the generated class.
/// </summary>
/// <remarks>
/// One call at a time per loss object: a call made while another thread is inside one throws
/// <see cref="InvalidOperationException"/> and changes nothing. Use one loss object per thread; several may share a device.
/// </remarks>
public abstract class CatalogLoss : IDisposable
{
    private long workspaceLimit = DefaultWorkspaceLimit;

    private protected CatalogLoss()
    {
    }

    /// <summary>The device the kernels run on.</summary>
    public abstract CceDevice Device { get; }

    /// <summary>What the kernels were specialised on.</summary>
    public abstract LossDescription Description { get; }

    /// <summary>The tile of the most recent call's kernels; before the first call, the one the loss was created with.</summary>
    public abstract KernelTile Tile { get; }

    /// <summary>
    /// When set, every forward pass checks the per-row results and throws <see cref="NonFiniteLossException"/>
    /// naming the first row whose loss is NaN or infinite (costs one extra small kernel).
    /// </summary>
    public bool CheckFinite { get; set; }

    /// <summary>Whether targets and explicit negatives are range-checked on the device before each launch (default: true).</summary>
    public bool ValidateIndices { get; set; } = true;

    /// <summary>The workspace limit a loss object starts with: 64 MiB.</summary>
    public const long DefaultWorkspaceLimit = 64L << 20;

    /// <summary>
    /// Most bytes of device workspace the kernels may hold (default <see cref="DefaultWorkspaceLimit"/>). The sorted
    /// per-row pipeline splits a call's rows into as many chunks as the limit asks; a call whose smallest chunking does
    /// not fit fails with <see cref="InvalidOperationException"/> before anything is written. Takes effect at the next call.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    public long WorkspaceLimit
    {
        get => workspaceLimit;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(value, nameof(WorkspaceLimit));
            workspaceLimit = value;
        }
    }

    /// <summary>
    /// When set, each call marks the end of every stage of its kernels on the device and <see cref="StageTimes"/> reports
    /// them (costs a profiling marker per stage; for diagnosis, not for training).
    /// </summary>
    public bool RecordStages { get; set; }

    /// <summary>The device time of each stage of the last call made while <see cref="RecordStages"/> was set; empty before.</summary>
    public IReadOnlyList<StageTime> StageTimes { get; private protected set; } = [];

    /// <summary>Bytes of device workspace the loss's kernels hold now, beside its inputs and outputs (0 before the first backward call).</summary>
    public abstract long WorkspaceBytes { get; }

    /// <summary>Calls <paramref name="visitor"/> back with this loss, typed by its element types.</summary>
    /// <typeparam name="TResult">What the visit returns.</typeparam>
    /// <exception cref="ArgumentNullException"><paramref name="visitor"/> is null.</exception>
    public abstract TResult Accept<TResult>(ICatalogLossVisitor<TResult> visitor);

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Frees the device buffers of the loss.</summary>
    /// <param name="disposing">False when called from a finaliser: device buffers are then left to their own finalisers.</param>
    protected abstract void Dispose(bool disposing);
}
