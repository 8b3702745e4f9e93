using System.Collections.Generic;
using Cce.Gen.SourceGenerators.Models;

namespace Cce.Gen.SourceGenerators.Schemes;

/// <summary>
/// Every item of the catalog is a candidate of every row: nothing to pass, nothing to draw and nothing to correct,
/// run by the matrix kernels.
/// </summary>
internal sealed class FullCatalog : MatrixSchemeEmitter
{
    private static readonly CorrectionRejection NothingSampled = new(
        "has nothing to correct: the FullCatalog scheme samples no negatives", "None");

    /// <inheritdoc />
    public override NegativeScheme Scheme => NegativeScheme.FullCatalog;

    /// <inheritdoc />
    public override bool Gathered => false;

    /// <inheritdoc />
    public override string SlotItem(LossSettings settings, string group, string slot) => slot;

    /// <inheritdoc />
    public override IReadOnlyList<SchemeParameter> Parameters => System.Array.Empty<SchemeParameter>();

    /// <inheritdoc />
    public override string CandidatesWithoutCount => "whose candidates are every item";

    /// <inheritdoc />
    public override string NegativeSource => "default";

    /// <inheritdoc />
    public override string HostCoreArguments => "default, default";

    /// <inheritdoc />
    public override CorrectionRejection? CheckCorrection(LogQCorrection correction) =>
        correction == LogQCorrection.None ? null : NothingSampled;
}
