using Cce.Tuning;

namespace Cce;

/// <summary>Builds the kernel plan a generated loss is created with.</summary>
public static class LossFactory
{
    /// <summary>
    /// The plan of a loss created by <c>Create(device)</c>, under the options of the environment
    /// (<see cref="TuningOptions.FromEnvironment"/>): see <see cref="Plan{TLoss}(CceDevice, TuningOptions)"/>.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="device"/> is null.</exception>
    /// <exception cref="ArgumentException"><c>CCE_TUNE</c> holds an unknown policy.</exception>
    public static KernelPlan Plan<TLoss>(CceDevice device)
        where TLoss : CatalogLoss, ILossKernels<TLoss>
    {
        ArgumentNullException.ThrowIfNull(device);
        return Plan<TLoss>(device, TuningOptions.FromEnvironment());
    }

    /// <summary>
    /// The plan of a loss on <paramref name="device"/>: the portable kernels on the CPU accelerator (unless
    /// <see cref="TuningOptions.TuneOnCpu"/>), else the generator's default candidate. Where <paramref name="options"/>
    /// tune or record shapes, the plan instead picks the kernels at the first call of each shape bucket: the cached pick
    /// for this device, loss and bucket, or a pick tuned and stored on a miss.
    /// </summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static KernelPlan Plan<TLoss>(CceDevice device, TuningOptions options)
        where TLoss : CatalogLoss, ILossKernels<TLoss>
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(options);
        return Plan(LossEntry.Of<TLoss>(), device, options);
    }

    /// <summary>The plan of <paramref name="loss"/> on <paramref name="device"/> under <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static KernelPlan Plan(LossEntry loss, CceDevice device, TuningOptions options)
    {
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(options);
        KernelVariant fallback = device.Kind == DeviceKind.Cpu && !options.TuneOnCpu ? loss.Portable : loss.DefaultOn(device);
        return TunedPlan.Tunes(device, options) || options.PlanFile is not null
            ? new TunedPlan(loss, fallback, options)
            : KernelPlan.Fixed(fallback);
    }

    /// <summary>Creates <typeparamref name="TLoss"/> on <paramref name="device"/>, choosing its kernels under <paramref name="options"/>.</summary>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static TLoss Create<TLoss>(CceDevice device, TuningOptions options)
        where TLoss : CatalogLoss, ILossKernels<TLoss> =>
        TLoss.Create(device, Plan<TLoss>(device, options));

    /// <summary>The plan that always runs the declared variant of <paramref name="tile"/>.</summary>
    /// <exception cref="ArgumentException">The loss declares no such candidate.</exception>
    public static KernelPlan Fixed<TLoss>(KernelTile tile)
        where TLoss : CatalogLoss, ILossKernels<TLoss> =>
        KernelPlan.Fixed(LossEntry.Of<TLoss>().Require(tile));
}
