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
public sealed record LossDescription(
    NegativeScheme Scheme,
    int Negatives,
    int HiddenSize,
    ElementType Element,
    LogQCorrection Correction,
    LossReduction Reduction,
    int IgnoreIndex,
    GradientPrecision HiddenGradient)
{
    /// <summary>The geometry of this description under a tile of <paramref name="warps"/> warps in <paramref name="layout"/>.</summary>
    public KernelGeometry Geometry(int warps, KernelLayout layout = KernelLayout.Warp) =>
        new(Element, HiddenSize, Negatives, HiddenGradient, warps, layout == KernelLayout.Portable ? 1 : KernelGeometry.WarpSize);

    /// <summary>A stable one-line form, used in reports and cache keys.</summary>
    public override string ToString() =>
        $"{Scheme} K={Negatives} D={HiddenSize} {Element} correction={Correction} reduction={Reduction} ignore={IgnoreIndex} dH={HiddenGradient}";
}
