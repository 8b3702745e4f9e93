namespace Cce;

/// <summary>
/// Which kernels a loss runs for each call, handed to the generated constructor: one fixed variant, or — built by the
/// tuning layer — the variant picked for each shape bucket the first time it is met.
/// </summary>
public abstract class KernelPlan
{
    private protected KernelPlan()
    {
    }

    /// <summary>The variant the loss is created with: what it reports before its first call.</summary>
    public abstract KernelVariant Initial { get; }

    /// <summary>Whether <see cref="Initial"/> is the only variant the plan ever returns (its kernels compile at creation).</summary>
    public virtual bool IsFixed => false;

    /// <summary>A plan that always runs <paramref name="variant"/>.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="variant"/> is null.</exception>
    public static KernelPlan Fixed(KernelVariant variant)
    {
        ArgumentNullException.ThrowIfNull(variant);
        return new FixedPlan(variant);
    }

    /// <summary>The variant for a call with <paramref name="rows"/> × <paramref name="catalog"/> on <paramref name="device"/>.</summary>
    internal abstract KernelVariant For(CceDevice device, int rows, int catalog);

    private sealed class FixedPlan(KernelVariant variant) : KernelPlan
    {
        public override KernelVariant Initial => variant;

        public override bool IsFixed => true;

        internal override KernelVariant For(CceDevice device, int rows, int catalog) => variant;
    }
}
