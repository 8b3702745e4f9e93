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
/// <param name="GroupRows">Rows per group sharing one set of negatives (0: the whole call), for the shared and in-batch schemes.</param>
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
    bool AllowTensorFloat32 = false,
    int GroupRows = 0)
{
    /// <summary>
    /// The candidate slots of a row besides its positive in a call of <paramref name="rows"/> rows: K; for
    /// <see cref="NegativeScheme.FullCatalog"/> every item of a catalog of <paramref name="catalog"/> items; for
    /// <see cref="NegativeScheme.InBatch"/> one per row of a group (<see cref="GroupSize"/>). A slot that holds the row's
    /// own positive (its own row's, in-batch) is masked as an accidental hit.
    /// </summary>
    public int NegativesPerRow(int rows, int catalog) => Scheme switch
    {
        NegativeScheme.FullCatalog => catalog,
        NegativeScheme.InBatch => GroupSize(rows),
        _ => Negatives,
    };

    /// <summary>Rows per group of a call of <paramref name="rows"/> rows: <see cref="GroupRows"/>, or the whole call when it is 0 or larger.</summary>
    public int GroupSize(int rows) => GroupRows > 0 && GroupRows < rows ? GroupRows : Math.Max(rows, 1);

    /// <summary>
    /// The description as tuning-cache keys carry it: every field by name, in a fixed order and an invariant format.
    /// Part of the cache format, so it is written here rather than left to <see cref="ToString"/>.
    /// </summary>
    public string CanonicalText => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"scheme={Scheme};k={Negatives};d={HiddenSize};element={Element};correction={Correction};reduction={Reduction};ignore={IgnoreIndex};dh={HiddenGradient};deterministic={DeterministicGradients}{(GradientFilter > 0f ? ";" + FilterText : string.Empty)}{(AllowTensorFloat32 ? ";tf32=True" : string.Empty)}{(GroupRows > 0 ? ";group=" + GroupRows : string.Empty)}");

    /// <summary>A one-line form for reports.</summary>
    public override string ToString() =>
        $"{Scheme} K={Negatives} D={HiddenSize} {Element} correction={Correction} reduction={Reduction} ignore={IgnoreIndex} dH={HiddenGradient}{(DeterministicGradients ? " deterministic" : string.Empty)}{(GradientFilter > 0f ? " " + FilterText : string.Empty)}{(AllowTensorFloat32 ? " tf32" : string.Empty)}{(GroupRows > 0 ? " G=" + GroupRows : string.Empty)}";

    /// <summary>The filter threshold as keys and reports write it (absent from both when the filter is off, as TF32 is when not allowed and the group size when 0, so older cache keys stay valid).</summary>
    private string FilterText => "filter=" + GradientFilter.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
}
