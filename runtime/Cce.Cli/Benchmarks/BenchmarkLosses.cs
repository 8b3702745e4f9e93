using Cce;

namespace Cce.Cli.Benchmarks;

// The losses of the benchmark presets, all on fp16 inputs. No [KernelTile]: the generator's default set is what gets
// tuned. First the published comparison's: uniform per-row negatives with the paper's correction.

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

/// <summary>Full catalog, D = 256: the beauty-full and ml20m-full presets.</summary>
[CatalogLoss(Scheme = NegativeScheme.FullCatalog, HiddenSize = 256, Element = ElementType.Float16)]
public sealed partial class FullD256Loss;

/// <summary>Full catalog, D = 64: the d64-full preset.</summary>
[CatalogLoss(Scheme = NegativeScheme.FullCatalog, HiddenSize = 64, Element = ElementType.Float16)]
public sealed partial class FullD64Loss;

// The same with a gradient filter at 2^-12, the threshold of Cut Cross-Entropy's gradient filtering: far below half a
// bf16 ulp at 1 (2^-8), so such a term vanishes when a bf16 gradient adds it to a term of order 1; leaving it out loses
// what a bf16 training step would round away anyway.

/// <summary>
/// <see cref="FullD256Loss"/> with <c>GradientFilter = 2^-12</c>: the beauty-full and ml20m-full presets under
/// <c>cce bench --gradient-filter</c>.
/// </summary>
[CatalogLoss(Scheme = NegativeScheme.FullCatalog, HiddenSize = 256, Element = ElementType.Float16, GradientFilter = 2.44140625e-4f)]
public sealed partial class FullD256FilteredLoss;

/// <summary><see cref="FullD64Loss"/> with <c>GradientFilter = 2^-12</c>: the d64-full preset under <c>cce bench --gradient-filter</c>.</summary>
[CatalogLoss(Scheme = NegativeScheme.FullCatalog, HiddenSize = 64, Element = ElementType.Float16, GradientFilter = 2.44140625e-4f)]
public sealed partial class FullD64FilteredLoss;

// The shared-set presets: one set of negatives for the whole call (no GroupRows), fp16 inputs. The shared uniform
// losses keep the per-row presets' K and correction, so the two families are compared at equal K; in-batch takes the
// LogQ correction from the positives' frequencies, as in-batch training does.

/// <summary>One shared set of 511 uniform negatives, D = 256: the shared-beauty and shared-ml20m presets.</summary>
[CatalogLoss(Scheme = NegativeScheme.SharedUniform, Negatives = 511, HiddenSize = 256, Element = ElementType.Float16, Correction = LogQCorrection.Paper)]
public sealed partial class SharedD256K511Loss;

/// <summary>One shared set of 2047 uniform negatives, D = 256: the shared-zvuk preset.</summary>
[CatalogLoss(Scheme = NegativeScheme.SharedUniform, Negatives = 2047, HiddenSize = 256, Element = ElementType.Float16, Correction = LogQCorrection.Paper)]
public sealed partial class SharedD256K2047Loss;

/// <summary>One shared set of 511 uniform negatives, D = 64: the shared-d64 preset.</summary>
[CatalogLoss(Scheme = NegativeScheme.SharedUniform, Negatives = 511, HiddenSize = 64, Element = ElementType.Float16, Correction = LogQCorrection.Paper)]
public sealed partial class SharedD64K511Loss;

/// <summary>Every other row's positive a negative, corrected by the positives' frequencies, D = 256: the inbatch-beauty preset.</summary>
[CatalogLoss(Scheme = NegativeScheme.InBatch, HiddenSize = 256, Element = ElementType.Float16, Correction = LogQCorrection.LogQ)]
public sealed partial class InBatchD256Loss;
