namespace Cce.Gen.SourceGenerators.Emitting;

/// <summary>The three entry points emitted for each tile candidate.</summary>
internal enum KernelMode
{
    /// <summary>Loss and log-sum-exp.</summary>
    Forward,

    /// <summary>Gradients from a saved log-sum-exp (logits recomputed).</summary>
    Backward,

    /// <summary>Loss, log-sum-exp and gradients; the logits are kept in shared memory between the two passes.</summary>
    ForwardBackward,
}
