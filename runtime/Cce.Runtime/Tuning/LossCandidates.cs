using System.Collections.Immutable;

namespace Cce;

/// <summary>The static members of one generated loss, gathered so the tuner needs no generic parameter.</summary>
/// <param name="Name">The loss's full type name, as plan files name it.</param>
/// <param name="Description">What the kernels were specialised on.</param>
/// <param name="Variants">The declared candidates, in declaration order.</param>
/// <param name="DefaultVariant">Index of the generator's default candidate.</param>
internal sealed record LossCandidates(string Name, LossDescription Description, ImmutableArray<KernelVariant> Variants, int DefaultVariant)
{
    /// <summary>The candidates of <typeparamref name="TLoss"/>.</summary>
    public static LossCandidates Of<TLoss>()
        where TLoss : ILossKernels<TLoss> =>
        new(typeof(TLoss).FullName ?? typeof(TLoss).Name, TLoss.Description, TLoss.Variants, TLoss.DefaultVariant);

    /// <summary>The portable kernels of <typeparamref name="TLoss"/> as the only candidate: what its losses run on the CPU accelerator.</summary>
    public static LossCandidates PortableOf<TLoss>()
        where TLoss : ILossKernels<TLoss> =>
        new(typeof(TLoss).FullName ?? typeof(TLoss).Name, TLoss.Description, [TLoss.PortableVariant], 0);

    /// <summary>The tiles, in declaration order.</summary>
    public IReadOnlyList<TileConfig> Tiles => [.. Variants.Select(v => v.Tile)];

    /// <summary>The variant of <paramref name="tile"/>, or null when none was declared.</summary>
    public KernelVariant? Find(TileConfig tile) => Variants.FirstOrDefault(v => v.Tile == tile);
}
