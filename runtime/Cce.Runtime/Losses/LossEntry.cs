using System.Collections.Immutable;

namespace Cce;

/// <summary>
/// One generated loss as tools see it, without type arguments: its name, description and variants, and a factory.
/// The generator lists the entries of an assembly in its <see cref="ILossRegistry"/>.
/// </summary>
public sealed class LossEntry
{
    private readonly Func<CceDevice, KernelPlan, CatalogLoss> create;

    private LossEntry(string name, LossDescription description, ImmutableArray<KernelVariant> variants, int defaultVariant, KernelVariant portable, Func<CceDevice, KernelPlan, CatalogLoss> create)
    {
        Name = name;
        Description = description;
        Variants = variants;
        DefaultVariant = defaultVariant;
        Portable = portable;
        this.create = create;
    }

    /// <summary>The loss class's full name, as plan files and reports name it.</summary>
    public string Name { get; }

    /// <summary>The class name without its namespace.</summary>
    public string ShortName => Name[(Name.LastIndexOfAny(['.', '+']) + 1)..];

    /// <summary>What the kernels were specialised on.</summary>
    public LossDescription Description { get; }

    /// <summary>The declared candidates, in declaration order.</summary>
    public ImmutableArray<KernelVariant> Variants { get; }

    /// <summary>Index into <see cref="Variants"/> used when nothing is tuned.</summary>
    public int DefaultVariant { get; }

    /// <summary>The kernels for ILGPU's CPU accelerator.</summary>
    public KernelVariant Portable { get; }

    /// <summary>The tiles of <see cref="Variants"/>, in declaration order.</summary>
    public IReadOnlyList<KernelTile> Tiles => [.. Variants.Select(v => v.Tile)];

    /// <summary>The entry of <typeparamref name="TLoss"/>.</summary>
    public static LossEntry Of<TLoss>()
        where TLoss : CatalogLoss, ILossKernels<TLoss> =>
        new(typeof(TLoss).FullName ?? typeof(TLoss).Name, TLoss.Description, TLoss.Variants, TLoss.DefaultVariant, TLoss.PortableVariant, TLoss.Create);

    /// <summary>The same loss with the portable kernels as its only candidate: what it runs on the CPU accelerator.</summary>
    public LossEntry PortableOnly() => new(Name, Description, [Portable], 0, Portable, create);

    /// <summary>
    /// The same loss with only the candidates that run on <paramref name="device"/> (this entry when all do): what the
    /// tuner times there. The default stays the declared one when it runs there, else it is the first that does.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="device"/> is null.</exception>
    /// <exception cref="NotSupportedException">None of the declared candidates runs on <paramref name="device"/>.</exception>
    public LossEntry RunningOn(CceDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        if (Variants.All(v => v.RunsOn(device)))
        {
            return this;
        }

        ImmutableArray<KernelVariant> running = [.. Variants.Where(v => v.RunsOn(device))];
        if (running.IsEmpty)
        {
            throw new NotSupportedException($"None of the tile candidates of {ShortName} runs on {device}: {string.Join(" ", Variants.Select(v => v.Unsupported(device)))}");
        }

        return new(Name, Description, running, Math.Max(0, running.IndexOf(Variants[DefaultVariant])), Portable, create);
    }

    /// <summary>
    /// The candidate a loss on <paramref name="device"/> runs untuned: the declared default when it runs there, else the
    /// first declared candidate that does, else the declared default (whose creation then says why it cannot run).
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="device"/> is null.</exception>
    public KernelVariant DefaultOn(CceDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        KernelVariant declared = Variants[DefaultVariant];
        return declared.RunsOn(device) ? declared : Variants.FirstOrDefault(v => v.RunsOn(device)) ?? declared;
    }

    /// <summary>Compiles the loss on <paramref name="device"/> with the kernels <paramref name="plan"/> chooses.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public CatalogLoss Create(CceDevice device, KernelPlan plan)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(plan);
        return create(device, plan);
    }

    /// <summary>The declared variant of <paramref name="tile"/>, or null when none was declared.</summary>
    public KernelVariant? Find(KernelTile tile) => Variants.FirstOrDefault(v => v.Tile == tile);

    /// <summary>The declared variant of <paramref name="tile"/>.</summary>
    /// <exception cref="ArgumentException">The loss declares no such candidate.</exception>
    public KernelVariant Require(KernelTile tile)
    {
        ArgumentNullException.ThrowIfNull(tile);
        return Find(tile) ?? throw new ArgumentException(
            $"Expected one of the declared tile candidates of {ShortName} ({string.Join(", ", Tiles)}); got {tile}.", nameof(tile));
    }

    /// <inheritdoc />
    public override string ToString() => Name;
}
