using Cce.Gen.SourceGenerators.Models;

namespace Cce.Gen.SourceGenerators.Schemes;

/// <summary>
/// A scheme run by the matrix kernels: the whole catalog, or a candidate set a group of rows shares, which the kernels
/// gather from the item table slot by slot and multiply with the group's rows. The kernels ask a shared-set scheme for
/// two expressions, the item of a slot and the correction of its logit; the walk, the masks of the row's own positive
/// and the scatter of the set's gradient rows are the family's.
/// </summary>
internal abstract class MatrixSchemeEmitter : SchemeEmitter
{
    /// <inheritdoc />
    public sealed override KernelFamily Family => KernelFamily.Matrix;

    /// <summary>
    /// Whether each group of rows streams a candidate set of <c>a.Slots</c> items gathered from the item table, its
    /// positive apart; otherwise the candidates are the catalog itself, the positive among them.
    /// </summary>
    public virtual bool Gathered => true;

    /// <inheritdoc />
    public override bool SharesCandidates => Gathered;

    /// <summary>
    /// The item (an int expression) in <paramref name="slot"/> of the set of <paramref name="group"/>, both int
    /// expressions in scope in the kernel; a negative value for a slot that holds no item.
    /// </summary>
    public abstract string SlotItem(LossSettings settings, string group, string slot);

    /// <summary>The float expression added to the logit of candidate <paramref name="item"/>: by default the runtime's per-call constant.</summary>
    public virtual string Correction(LossSettings settings, string item) => "a.Correction";

    /// <summary>The emitter of a loss with <paramref name="settings"/>: this one, unless the scheme's typed API depends on them.</summary>
    public virtual MatrixSchemeEmitter For(LossSettings settings) => this;
}
