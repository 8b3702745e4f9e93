namespace Cce;

/// <summary>Chooses which kernel variant a generated loss is created with.</summary>
public static class LossFactory
{
    /// <summary>
    /// The variant to use on <paramref name="device"/>: the portable kernels on the CPU accelerator, the
    /// generator's default candidate on a GPU.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="device"/> is null.</exception>
    public static KernelVariant ChooseVariant<TLoss>(CceDevice device)
        where TLoss : ILossKernels<TLoss>
    {
        ArgumentNullException.ThrowIfNull(device);
        return device.Kind == DeviceKind.Cpu ? TLoss.PortableVariant : TLoss.Variants[TLoss.DefaultVariant];
    }

    /// <summary>The variant specialised for <paramref name="tile"/>.</summary>
    /// <exception cref="ArgumentException">The loss declares no such candidate.</exception>
    public static KernelVariant FindVariant<TLoss>(TileConfig tile)
        where TLoss : ILossKernels<TLoss>
    {
        ArgumentNullException.ThrowIfNull(tile);
        foreach (KernelVariant variant in TLoss.Variants)
        {
            if (variant.Tile == tile)
            {
                return variant;
            }
        }

        throw new ArgumentException($"Expected one of the declared tile candidates ({string.Join(", ", TLoss.Variants.Select(v => v.Tile))}); got {tile}.", nameof(tile));
    }
}
