namespace Cce;

/// <summary>
/// The kernels a loss launches for each call: one fixed set, or, for a loss created by <c>Create(device)</c>,
/// the set chosen for each shape bucket the first time it is met. Later calls of a bucket cost one dictionary
/// lookup.
/// </summary>
internal sealed class KernelSelector
{
    private readonly CceDevice device;
    private readonly LossDescription description;
    private readonly TunedSelection? selection;
    private readonly Dictionary<ShapeBucket, LossKernelSet> buckets = [];
    private readonly Dictionary<TileConfig, LossKernelSet> compiled = [];
    private readonly LossKernelSet? fixedSet;

    public KernelSelector(CceDevice device, LossDescription description, KernelVariant variant)
    {
        this.device = device;
        this.description = description;
        selection = TunedVariants.Find(variant);
        Tile = variant.Tile;
        if (selection is null)
        {
            fixedSet = Compile(variant);
        }
    }

    /// <summary>The tile of the most recent call's kernels (before any call: the fixed or fallback tile).</summary>
    public TileConfig Tile { get; private set; }

    /// <summary>The kernels for a call with <paramref name="rows"/> × <paramref name="catalog"/>.</summary>
    public LossKernelSet For(int rows, int catalog)
    {
        if (fixedSet is not null)
        {
            return fixedSet;
        }

        ShapeBucket bucket = ShapeBucket.For(rows, catalog);
        if (!buckets.TryGetValue(bucket, out LossKernelSet? kernels))
        {
            KernelVariant chosen = selection!.Choose(device, rows, catalog);
            kernels = compiled.TryGetValue(chosen.Tile, out LossKernelSet? known) ? known : Compile(chosen);
            buckets.Add(bucket, kernels);
        }

        Tile = kernels.Tile;
        return kernels;
    }

    private LossKernelSet Compile(KernelVariant variant)
    {
        var kernels = new LossKernelSet(device, description, variant);
        compiled[variant.Tile] = kernels;
        return kernels;
    }
}
