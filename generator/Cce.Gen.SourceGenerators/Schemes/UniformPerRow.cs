using System.Collections.Generic;
using Cce.Gen.SourceGenerators.Emitting;
using Cce.Gen.SourceGenerators.Models;
using static Cce.Gen.SourceGenerators.Emitting.InvariantText;

namespace Cce.Gen.SourceGenerators.Schemes;

/// <summary>
/// K uniform draws per row made inside the kernel: the caller passes only a seed and a step, and the backward
/// pass regenerates the same negatives from them, so no [N, K] tensor ever exists.
/// </summary>
internal sealed class UniformPerRow : PerRowSchemeEmitter
{
    /// <inheritdoc />
    public override NegativeScheme Scheme => NegativeScheme.UniformPerRow;

    /// <inheritdoc />
    public override IReadOnlyList<SchemeParameter> Parameters => SchemeParameter.SeedAndStep;

    /// <inheritdoc />
    public override string NegativeSource => GlobalNames.Cce + "NegativeSource.Sampled(seed, step)";

    /// <inheritdoc />
    public override string HostCoreArguments => NegativeSource + ", default";

    /// <inheritdoc />
    public override string Draw(LossSettings settings, string row, string slot) =>
        Invariant($"{GlobalNames.Kernels}UniformSampler.Draw(a.SeedLo, a.SeedHi, a.StepLo, a.StepHi, {row}, {slot}, a.Catalog)");

    /// <inheritdoc />
    /// <remarks>One Philox call yields four words: the draws of four consecutive slots.</remarks>
    public override string? DrawFour(LossSettings settings, string row, string group) =>
        Invariant($"{GlobalNames.Kernels}UniformSampler.Block(a.SeedLo, a.SeedHi, a.StepLo, a.StepHi, {row}, {group}, a.Catalog)");
}
