namespace Cce;

/// <summary>Chooses which kernel variant a generated loss is created with.</summary>
public static class LossFactory
{
    /// <summary>
    /// The variant a loss created by <c>Create(device)</c> starts from, under the options of the environment
    /// (<see cref="TuningOptions.FromEnvironment"/>): see <see cref="ChooseVariant{TLoss}(CceDevice, TuningOptions)"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="device"/> is null.</exception>
    /// <exception cref="ArgumentException"><c>CCE_TUNE</c> holds an unknown policy.</exception>
    public static KernelVariant ChooseVariant<TLoss>(CceDevice device)
        where TLoss : ILossKernels<TLoss>
    {
        ArgumentNullException.ThrowIfNull(device);
        return ChooseVariant<TLoss>(device, TuningOptions.FromEnvironment());
    }

    /// <summary>
    /// The variant a loss on <paramref name="device"/> starts from: the portable kernels on the CPU accelerator
    /// (unless <see cref="TuningOptions.TuneOnCpu"/>), else the generator's default candidate. Where
    /// <paramref name="options"/> tune or record shapes, the loss built from the returned variant instead picks
    /// its kernels at the first call of each shape bucket: the cached pick for this device, loss and bucket, or a
    /// pick tuned and stored on a miss.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static KernelVariant ChooseVariant<TLoss>(CceDevice device, TuningOptions options)
        where TLoss : ILossKernels<TLoss>
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(options);
        KernelVariant fallback = device.Kind == DeviceKind.Cpu && !options.TuneOnCpu ? TLoss.PortableVariant : TLoss.Variants[TLoss.DefaultVariant];
        if (!TunedSelection.Tunes(device, options) && options.PlanFile is null)
        {
            return fallback;
        }

        return TunedVariants.Register(new TunedSelection(LossCandidates.Of<TLoss>(), fallback, options));
    }

    /// <summary>Creates <typeparamref name="TLoss"/> on <paramref name="device"/>, choosing its kernels under <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static TLoss Create<TLoss>(CceDevice device, TuningOptions options)
        where TLoss : ILossKernels<TLoss> =>
        TLoss.Create(device, ChooseVariant<TLoss>(device, options));

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
