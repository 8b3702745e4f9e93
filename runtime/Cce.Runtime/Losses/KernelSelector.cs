namespace Cce;

/// <summary>
/// The kernels a loss launches for each call: those of its plan's variant for the call's shape, each variant
/// compiled once, the first time the plan returns it.
/// </summary>
internal sealed class KernelSelector : IDisposable
{
    private readonly CceDevice device;
    private readonly LossDescription description;
    private readonly KernelPlan plan;
    private readonly Dictionary<KernelVariant, LoadedKernels> compiled = new(ReferenceEqualityComparer.Instance);

    public KernelSelector(CceDevice device, LossDescription description, KernelPlan plan)
    {
        this.device = device;
        this.description = description;
        this.plan = plan;
        Tile = plan.Initial.Tile;
        if (plan.IsFixed)
        {
            Load(plan.Initial);
        }
    }

    /// <summary>The tile of the most recent call's kernels (before any call: the plan's initial tile).</summary>
    public KernelTile Tile { get; private set; }

    /// <summary>Bytes of device workspace the compiled kernel sets hold.</summary>
    public long WorkspaceBytes => compiled.Values.Sum(kernels => kernels.WorkspaceBytes);

    /// <summary>The kernels for a call with <paramref name="rows"/> × <paramref name="catalog"/>.</summary>
    public LoadedKernels For(int rows, int catalog)
    {
        LoadedKernels kernels = Load(plan.For(device, rows, catalog));
        Tile = kernels.Tile;
        return kernels;
    }

    private LoadedKernels Load(KernelVariant variant)
    {
        if (!compiled.TryGetValue(variant, out LoadedKernels? kernels))
        {
            if (!variant.RunsOn(device))
            {
                throw new NotSupportedException(variant.Unsupported(device));
            }

            kernels = variant.Load(device, description);
            compiled.Add(variant, kernels);
        }

        return kernels;
    }

    /// <summary>Frees the kernel sets' workspaces.</summary>
    public void Dispose()
    {
        foreach (LoadedKernels kernels in compiled.Values)
        {
            kernels.Dispose();
        }
    }
}
