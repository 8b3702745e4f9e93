using System.Collections.Generic;
using Cce.Gen.SourceGenerators.Emitting;
using Cce.Gen.SourceGenerators.Models;
using static Cce.Gen.SourceGenerators.Emitting.InvariantText;

namespace Cce.Gen.SourceGenerators.Schemes;

/// <summary>The caller's own negatives: an [N, K] int32 tensor, row-major, read by the kernel slot by slot.</summary>
internal sealed class Explicit : PerRowSchemeEmitter
{
    private static readonly SchemeParameter[] NegativesTensor =
    {
        new("negatives", GlobalNames.Cce + "CceTensor<int>", "int[]", "Negative items, [N, K] row-major, each in [0, V).", NullChecked: true),
    };

    private static readonly CorrectionRejection LogQUnknown =
        new("is not supported by the Explicit scheme, whose sampling distribution is unknown", "None or Paper");

    /// <inheritdoc />
    public override NegativeScheme Scheme => NegativeScheme.Explicit;

    /// <inheritdoc />
    public override IReadOnlyList<SchemeParameter> Parameters => NegativesTensor;

    /// <inheritdoc />
    public override string NegativeSource => GlobalNames.Cce + "NegativeSource.FromTensor(negatives)";

    /// <inheritdoc />
    public override string HostCoreArguments => "default, negatives";

    /// <inheritdoc />
    /// <remarks>LogQ needs q(j), the probability the sampler drew item j; explicit negatives come from an unknown sampler.</remarks>
    public override CorrectionRejection? CheckCorrection(LogQCorrection correction) =>
        correction == LogQCorrection.LogQ ? LogQUnknown : null;

    /// <inheritdoc />
    public override string Draw(LossSettings settings, string row, string slot) =>
        Invariant($"a.SchemeIndices[(long){row} * {settings.Negatives} + {slot}]");
}
