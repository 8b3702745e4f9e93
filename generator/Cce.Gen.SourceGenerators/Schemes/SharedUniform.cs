using System.Collections.Generic;
using Cce.Gen.SourceGenerators.Emitting;
using Cce.Gen.SourceGenerators.Models;
using static Cce.Gen.SourceGenerators.Emitting.InvariantText;

namespace Cce.Gen.SourceGenerators.Schemes;

/// <summary>
/// Each group of rows shares K uniform draws made inside the kernels from (seed, step, group, slot) by the per-row
/// schemes' sampler, made again by the backward pass: the caller passes a seed and a step, nothing of size K is stored.
/// </summary>
internal sealed class SharedUniform : MatrixSchemeEmitter
{
    /// <inheritdoc />
    public override NegativeScheme Scheme => NegativeScheme.SharedUniform;

    /// <inheritdoc />
    public override IReadOnlyList<SchemeParameter> Parameters => SchemeParameter.SeedAndStep;

    /// <inheritdoc />
    public override string NegativeSource => GlobalNames.Cce + "NegativeSource.Sampled(seed, step)";

    /// <inheritdoc />
    public override string HostCoreArguments => NegativeSource + ", default";

    /// <inheritdoc />
    public override string SlotItem(LossSettings settings, string group, string slot) =>
        Invariant($"{GlobalNames.Kernels}UniformSampler.Draw(a.SeedLo, a.SeedHi, a.StepLo, a.StepHi, {group}, {slot}, a.Catalog)");
}
