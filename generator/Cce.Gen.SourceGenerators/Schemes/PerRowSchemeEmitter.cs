using Cce.Gen.SourceGenerators.Models;

namespace Cce.Gen.SourceGenerators.Schemes;

/// <summary>
/// A scheme whose negatives differ from row to row, run by the per-row kernels: the two expressions those kernels ask
/// it for, the item of a slot and the correction of a logit. The kernel skeleton, the layouts and the element code
/// never depend on which scheme they serve.
/// </summary>
internal abstract class PerRowSchemeEmitter : SchemeEmitter
{
    /// <inheritdoc />
    public sealed override KernelFamily Family => KernelFamily.PerRow;

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
