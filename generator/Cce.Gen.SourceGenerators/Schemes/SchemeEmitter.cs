using System.Collections.Generic;
using Cce.Gen.SourceGenerators.Models;

namespace Cce.Gen.SourceGenerators.Schemes;

/// <summary>
/// What one negative scheme contributes to a loss whatever family runs it: its checks, the parameters of its typed API
/// and the kernel family that runs it. A family's own subclass adds the code its kernels ask a scheme for.
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

    /// <summary>The kernel family that runs the scheme.</summary>
    public abstract KernelFamily Family { get; }

    /// <summary>
    /// Why the scheme takes no <c>Negatives</c> (its candidates come from elsewhere), as CCE0012 says it when a class
    /// declares a count anyway; null when the scheme needs a count K ≥ 1 (CCE0004 without one).
    /// </summary>
    public virtual string? CandidatesWithoutCount => null;

    /// <summary>Whether the rows of a group share their candidate set, so that <c>GroupRows</c> applies.</summary>
    public virtual bool SharesCandidates => false;
}
