using System.Collections.Generic;
using Cce.Gen.SourceGenerators.Emitting;
using Cce.Gen.SourceGenerators.Models;
using static Cce.Gen.SourceGenerators.Emitting.InvariantText;

namespace Cce.Gen.SourceGenerators.Schemes;

/// <summary>
/// The negatives of a row are the positives of the rows of its group: nothing to draw. LogQ subtracts log((G − 1)·q(j))
/// with q from item frequencies the caller passes, so a LogQ loss takes them as its one scheme parameter.
/// </summary>
internal sealed class InBatch : MatrixSchemeEmitter
{
    private static readonly SchemeParameter[] Frequencies =
    {
        new("frequencies", GlobalNames.Cce + "CatalogDistribution", GlobalNames.Cce + "CatalogDistribution", "The item frequencies q(j) of the LogQ correction, over the V items of the item table, each q(j) > 0.", NullChecked: true),
    };

    private static readonly CorrectionRejection PaperConstant =
        new("is not supported by the InBatch scheme: its constant assumes uniform sampling, while in-batch negatives follow the items' frequencies", "None or LogQ");

    private readonly bool logQ;

    /// <summary>The emitter of an in-batch loss, with the frequencies parameter when <paramref name="logQ"/>.</summary>
    public InBatch(bool logQ = false) => this.logQ = logQ;

    /// <inheritdoc />
    public override NegativeScheme Scheme => NegativeScheme.InBatch;

    /// <inheritdoc />
    public override IReadOnlyList<SchemeParameter> Parameters => logQ ? Frequencies : System.Array.Empty<SchemeParameter>();

    /// <inheritdoc />
    public override string NegativeSource => logQ ? GlobalNames.Cce + "NegativeSource.FromFrequencies(frequencies)" : "default";

    /// <inheritdoc />
    public override string HostCoreArguments => NegativeSource + ", default";

    /// <inheritdoc />
    public override string CandidatesWithoutCount => "whose negatives are the positives of the other rows of the group";

    /// <inheritdoc />
    public override CorrectionRejection? CheckCorrection(LogQCorrection correction) =>
        correction == LogQCorrection.Paper ? PaperConstant : null;

    /// <inheritdoc />
    /// <remarks>A slot past the call, or on an ignored row (a negative target), holds no item.</remarks>
    public override string SlotItem(LossSettings settings, string group, string slot) =>
        Invariant($"({group} * a.GroupRows + {slot} < a.Rows ? a.Targets[{group} * a.GroupRows + {slot}] : -1)");

    /// <inheritdoc />
    /// <remarks>The runtime passes −log(G − 1) as the constant and log q(j) per item.</remarks>
    public override string Correction(LossSettings settings, string item) =>
        settings.Correction == LogQCorrection.LogQ ? Invariant($"a.Correction - a.SchemeValues[{item}]") : "a.Correction";

    /// <inheritdoc />
    public override MatrixSchemeEmitter For(LossSettings settings) =>
        settings.Correction == LogQCorrection.LogQ && !logQ ? new InBatch(logQ: true) : this;
}
