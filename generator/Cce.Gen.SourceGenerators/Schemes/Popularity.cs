using System.Collections.Generic;
using Cce.Gen.SourceGenerators.Emitting;
using Cce.Gen.SourceGenerators.Models;
using static Cce.Gen.SourceGenerators.Emitting.InvariantText;

namespace Cce.Gen.SourceGenerators.Schemes;

/// <summary>
/// K draws per row from a catalog distribution (item counts^α) through the alias table of a
/// <c>CatalogDistribution</c> the caller built on the device; the draws are regenerated in the backward pass like
/// the uniform ones, and LogQ subtracts the true log q(j) of each drawn item.
/// </summary>
internal sealed class Popularity : PerRowSchemeEmitter
{
    private static readonly SchemeParameter[] DistributionSeedAndStep =
    {
        new("distribution", GlobalNames.Cce + "CatalogDistribution", GlobalNames.Cce + "CatalogDistribution", "The catalog distribution to draw negatives from, over the V items of the item table.", NullChecked: true),
        SchemeParameter.SeedAndStep[0],
        SchemeParameter.SeedAndStep[1],
    };

    private static readonly CorrectionRejection PaperConstant =
        new("is not supported by the Popularity scheme: its constant assumes uniform sampling, while LogQ uses the true q(j)", "None or LogQ");

    /// <inheritdoc />
    public override NegativeScheme Scheme => NegativeScheme.Popularity;

    /// <inheritdoc />
    public override IReadOnlyList<SchemeParameter> Parameters => DistributionSeedAndStep;

    /// <inheritdoc />
    public override string NegativeSource => GlobalNames.Cce + "NegativeSource.FromDistribution(distribution, seed, step)";

    /// <inheritdoc />
    public override string HostCoreArguments => NegativeSource + ", default";

    /// <inheritdoc />
    public override CorrectionRejection? CheckCorrection(LogQCorrection correction) =>
        correction == LogQCorrection.Paper ? PaperConstant : null;

    /// <inheritdoc />
    public override string Draw(LossSettings settings, string row, string slot) =>
        Invariant($"{GlobalNames.Kernels}AliasSampler.Draw(a.SeedLo, a.SeedHi, a.StepLo, a.StepHi, {row}, {slot}, a.SchemeIndices, a.Catalog)");

    /// <inheritdoc />
    /// <remarks>The runtime passes −log K as the constant and log q(j) per item: c(j) = −log(K·q(j)).</remarks>
    public override string Correction(LossSettings settings, string item) =>
        settings.Correction == LogQCorrection.LogQ ? Invariant($"a.Correction - a.SchemeValues[{item}]") : "a.Correction";
}
