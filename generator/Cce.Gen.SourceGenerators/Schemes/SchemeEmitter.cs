using System.Collections.Generic;
using Cce.Gen.SourceGenerators.Models;

namespace Cce.Gen.SourceGenerators.Schemes;

/// <summary>
/// What one per-row negative scheme contributes to a loss: its checks, the parameters of its typed API, and
/// the two expressions the per-row kernels ask it for, the item of a slot and the correction of a logit.
/// The kernel skeleton, the layouts and the element code never depend on which scheme they serve.
/// </summary>
internal abstract class SchemeEmitter
{
    /// <summary>The scheme this emitter writes.</summary>
    public abstract NegativeScheme Scheme { get; }

    /// <summary>The parameters that follow <c>targets</c> in every typed entry point, in order.</summary>
    public abstract IReadOnlyList<SchemeParameter> Parameters { get; }

    /// <summary>The <c>NegativeSource</c> expression the device-tensor entry points build from <see cref="Parameters"/>.</summary>
    public abstract string NegativeSource { get; }

    /// <summary>The arguments after <c>targets</c> of the base class's host cores: the in-kernel sampling of the call and the host negatives.</summary>
    public abstract string HostCoreArguments { get; }

    /// <summary>
    /// Checks a defined correction against what the scheme knows of its sampling distribution; null accepts it.
    /// Every correction is accepted unless a scheme says otherwise.
    /// </summary>
    public virtual CorrectionRejection? CheckCorrection(LogQCorrection correction) => null;

    /// <summary>The item (an int expression) of negative <paramref name="slot"/> of <paramref name="row"/>, both int expressions in scope in the kernel.</summary>
    public abstract string Draw(LossSettings settings, string row, string slot);

    /// <summary>
    /// A U4 expression holding the items of slots 4·<paramref name="group"/> to 4·<paramref name="group"/> + 3 of
    /// <paramref name="row"/>, each equal to <see cref="Draw"/> of its slot, when the scheme can make four draws for the
    /// price of one; null otherwise (the default), and every slot is drawn alone.
    /// </summary>
    public virtual string? DrawFour(LossSettings settings, string row, string group) => null;

    /// <summary>
    /// The float expression added to the logit of the negative <paramref name="item"/>. By default the runtime's
    /// per-loss constant, which is exact whenever every negative was equally likely to be drawn.
    /// </summary>
    public virtual string Correction(LossSettings settings, string item) => "a.Correction";
}
