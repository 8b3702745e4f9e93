using ILGPU;

namespace Cce.Schemes;

/// <summary>
/// The runtime half of one negative scheme, whatever kernel family runs it: what a call's negatives argument must be,
/// and how the host reproduces the negatives the kernels see (for the fp64 reference and for the synthetic inputs of
/// verification and tuning). The generator's <c>Schemes/</c> folder holds the other half.
/// </summary>
internal abstract class LossScheme
{
    /// <summary>The scheme this object serves.</summary>
    public abstract NegativeScheme Scheme { get; }

    /// <summary>The runtime half of <paramref name="scheme"/>: the one place that lists the schemes.</summary>
    /// <exception cref="NotSupportedException">The scheme has no kernels in this version.</exception>
    public static LossScheme For(NegativeScheme scheme) => scheme switch
    {
        NegativeScheme.UniformPerRow => UniformPerRow.Instance,
        NegativeScheme.Explicit => Explicit.Instance,
        NegativeScheme.Popularity => Popularity.Instance,
        NegativeScheme.FullCatalog => FullCatalog.Instance,
        NegativeScheme.SharedUniform => SharedUniform.Instance,
        NegativeScheme.InBatch => InBatch.Instance,
        _ => throw new NotSupportedException($"Expected a defined NegativeScheme; got {scheme}."),
    };

    /// <summary>Host checks of a call's negatives argument (kind, shape, device), before anything runs.</summary>
    /// <exception cref="ArgumentException">The argument does not fit the scheme; the message names <c>negatives</c>.</exception>
    public abstract void Validate(in NegativeSource source, CceDevice device, int rows, int catalog, LossDescription description);

    /// <summary>Indices the device range-checks against [0, V) before each launch; empty when the kernels draw their own.</summary>
    public virtual ArrayView<int> CheckedIndices(in NegativeSource source) => default;

    /// <summary>The correction c(j) of each item in fp64, as the reference adds it, in a call of <paramref name="rows"/> rows.</summary>
    public virtual Func<int, double> ReferenceCorrection(LossDescription description, int rows, int catalog, in NegativeSource source)
    {
        double constant = CorrectionTerm.Exact(description.Correction, description.Scheme, description.Negatives, catalog);
        return _ => constant;
    }

    /// <summary>Uploads the host form of a call's negatives, when the scheme takes them from the caller.</summary>
    /// <returns>The uploaded tensor, or null when the kernels draw the negatives themselves.</returns>
    public virtual CceTensor<int>? Upload(CceDevice device, ReadOnlySpan<int> negatives, int rows, LossDescription description) => null;

    /// <summary>Synthetic negatives for verification and tuning, on <paramref name="device"/>.</summary>
    public abstract SchemeInputs Synthetic(CceDevice device, SyntheticBatch batch);
}
