namespace Cce.Gen.SourceGenerators.Models;

/// <summary>The values of one <c>[CatalogLoss]</c> attribute.</summary>
internal sealed record LossSettings(
    NegativeScheme Scheme,
    int Negatives,
    int HiddenSize,
    ElementType Element,
    LogQCorrection Correction,
    LossReduction Reduction,
    int IgnoreIndex,
    GradientPrecision HiddenGradient,
    bool DeterministicGradients,
    float GradientFilter,
    bool AllowTensorFloat32,
    int GroupRows);
