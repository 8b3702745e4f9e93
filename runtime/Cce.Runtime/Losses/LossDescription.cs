namespace Cce;

/// <summary>Everything a generated loss was specialised on, as the runtime sees it (SPEC §4).</summary>
/// <param name="Scheme">How negatives are chosen.</param>
/// <param name="Negatives">Negatives per row K.</param>
/// <param name="HiddenSize">Hidden size D.</param>
/// <param name="Element">Storage type of H and W.</param>
/// <param name="Correction">Correction of the negative logits.</param>
/// <param name="Reduction">How per-row losses are reduced.</param>
/// <param name="IgnoreIndex">Target value of a skipped row.</param>
/// <param name="HiddenGradient">Element type of dH.</param>
/// <param name="DeterministicGradients">Whether dH and dW are bitwise reproducible (fixed-point dW sums, no float atomics).</param>
/// <param name="GradientFilter">Probability below which the gradient passes may leave out a term (0: none is left out).</param>
/// <param name="AllowTensorFloat32">Whether fp32 inputs may be multiplied on the tensor cores as TF32.</param>
public sealed record LossDescription(
    NegativeScheme Scheme,
    int Negatives,
    int HiddenSize,
    ElementType Element,
    LogQCorrection Correction,
    LossReduction Reduction,
    int IgnoreIndex,
    GradientPrecision HiddenGradient,
    bool DeterministicGradients = false,
    float GradientFilter = 0f,
    bool AllowTensorFloat32 = false)
{
    /// <summary>
    /// The candidates of a row besides its positive: K, or for <see cref="NegativeScheme.FullCatalog"/> every item of a
    /// catalog of <paramref name="catalog"/> items (the slot of the positive itself is then masked as an accidental hit).
    /// </summary>
    public int NegativesPerRow(int catalog) => Scheme == NegativeScheme.FullCatalog ? catalog : Negatives;

    /// <summary>
    /// The description as tuning-cache keys carry it: every field by name, in a fixed order and an invariant format.
    /// Part of the cache format, so it is written here rather than left to <see cref="ToString"/>.
    /// </summary>
    public string CanonicalText => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"scheme={Scheme};k={Negatives};d={HiddenSize};element={Element};correction={Correction};reduction={Reduction};ignore={IgnoreIndex};dh={HiddenGradient};deterministic={DeterministicGradients}{(GradientFilter > 0f ? ";" + FilterText : string.Empty)}{(AllowTensorFloat32 ? ";tf32=True" : string.Empty)}");

    /// <summary>A one-line form for reports.</summary>
    public override string ToString() =>
        $"{Scheme} K={Negatives} D={HiddenSize} {Element} correction={Correction} reduction={Reduction} ignore={IgnoreIndex} dH={HiddenGradient}{(DeterministicGradients ? " deterministic" : string.Empty)}{(GradientFilter > 0f ? " " + FilterText : string.Empty)}{(AllowTensorFloat32 ? " tf32" : string.Empty)}";

    /// <summary>The filter threshold as keys and reports write it (absent from both when the filter is off, as TF32 is when not allowed, so older cache keys stay valid).</summary>
    private string FilterText => "filter=" + GradientFilter.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
