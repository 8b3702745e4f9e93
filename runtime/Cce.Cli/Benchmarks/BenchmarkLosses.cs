using Cce;

namespace Cce.Cli.Benchmarks;

// The losses of the benchmark presets: fp16 inputs, uniform per-row negatives, the paper's correction, as
// in the published comparison. No [KernelTile]: the generator's default set is what gets tuned.

/// <summary>D = 256, K = 511: the beauty and ml20m presets.</summary>
[CatalogLoss(Scheme = NegativeScheme.UniformPerRow, Negatives = 511, HiddenSize = 256, Element = ElementType.Float16, Correction = LogQCorrection.Paper)]
public sealed partial class D256K511Loss;

/// <summary>D = 256, K = 2047: the zvuk preset.</summary>
[CatalogLoss(Scheme = NegativeScheme.UniformPerRow, Negatives = 2047, HiddenSize = 256, Element = ElementType.Float16, Correction = LogQCorrection.Paper)]
public sealed partial class D256K2047Loss;

/// <summary>D = 256, K = 511 with an fp32 dH: the remedy for fp16 dH among subnormals at large N, checked by <c>cce verify --scale bench</c>.</summary>
[CatalogLoss(Scheme = NegativeScheme.UniformPerRow, Negatives = 511, HiddenSize = 256, Element = ElementType.Float16, Correction = LogQCorrection.Paper, HiddenGradient = GradientPrecision.Float32)]
public sealed partial class D256K511Fp32GradientLoss;

/// <summary>D = 64, K = 511: the d64 preset.</summary>
[CatalogLoss(Scheme = NegativeScheme.UniformPerRow, Negatives = 511, HiddenSize = 64, Element = ElementType.Float16, Correction = LogQCorrection.Paper)]
public sealed partial class D64K511Loss;

/// <summary>D = 256, K = 511 with deterministic gradients: the beauty and ml20m presets under <c>cce bench --deterministic</c>.</summary>
[CatalogLoss(Scheme = NegativeScheme.UniformPerRow, Negatives = 511, HiddenSize = 256, Element = ElementType.Float16, Correction = LogQCorrection.Paper, DeterministicGradients = true)]
public sealed partial class D256K511DeterministicLoss;

/// <summary>D = 256, K = 2047 with deterministic gradients: the zvuk preset under <c>cce bench --deterministic</c>.</summary>
[CatalogLoss(Scheme = NegativeScheme.UniformPerRow, Negatives = 2047, HiddenSize = 256, Element = ElementType.Float16, Correction = LogQCorrection.Paper, DeterministicGradients = true)]
public sealed partial class D256K2047DeterministicLoss;

/// <summary>D = 64, K = 511 with deterministic gradients: the d64 preset under <c>cce bench --deterministic</c>.</summary>
[CatalogLoss(Scheme = NegativeScheme.UniformPerRow, Negatives = 511, HiddenSize = 64, Element = ElementType.Float16, Correction = LogQCorrection.Paper, DeterministicGradients = true)]
public sealed partial class D64K511DeterministicLoss;

// The full-catalog presets: every item a candidate, fp16 inputs, on the matrix kernels.

[CatalogLoss(Scheme = NegativeScheme.FullCatalog, HiddenSize = 256, Element = ElementType.Float16)]
public sealed partial class FullD256Loss;

[CatalogLoss(Scheme = NegativeScheme.FullCatalog, HiddenSize = 64, Element = ElementType.Float16)]
public sealed partial class FullD64Loss;
