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
