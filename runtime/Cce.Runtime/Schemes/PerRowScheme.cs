using Cce.Families.PerRow;

namespace Cce.Schemes;

/// <summary>A scheme whose negatives are drawn or read row by row, by the per-row kernels.</summary>
internal abstract class PerRowScheme : LossScheme
{
    /// <summary>The per-row half of <paramref name="scheme"/>.</summary>
    /// <exception cref="NotSupportedException">The scheme is not a per-row scheme.</exception>
    public static new PerRowScheme For(NegativeScheme scheme) =>
        LossScheme.For(scheme) as PerRowScheme ?? throw new NotSupportedException($"Expected a per-row scheme; got {scheme}.");

    /// <summary>Writes the scheme's part of the launch arguments: seed and step, its buffers, the correction.</summary>
    public virtual void Bind(ref PerRowArguments arguments, in NegativeSource source, LossDescription description, int catalog)
    {
        (arguments.SeedLo, arguments.SeedHi, arguments.StepLo, arguments.StepHi) = Sampled.Words(source);
        arguments.Correction = KernelCorrection(description, catalog);
    }

    /// <summary>The constant every negative logit receives in the kernels of a catalog of <paramref name="catalog"/> items.</summary>
    public virtual float KernelCorrection(LossDescription description, int catalog) =>
        CorrectionTerm.For(description.Correction, description.Scheme, description.Negatives, catalog);
}
