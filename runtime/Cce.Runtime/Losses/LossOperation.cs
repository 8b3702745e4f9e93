namespace Cce;

/// <summary>One entry point of a loss, as the verifier exercises it.</summary>
public enum LossOperation
{
    /// <summary>Loss and log-sum-exp.</summary>
    Forward,

    /// <summary>Gradients from the log-sum-exp of a forward pass.</summary>
    Backward,

    /// <summary>Loss, log-sum-exp and gradients in one pass.</summary>
    ForwardBackward,
}
