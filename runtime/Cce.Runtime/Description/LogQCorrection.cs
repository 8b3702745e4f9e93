namespace Cce;

/// <summary>Correction c(j) added to each negative logit to remove the sampling bias (SPEC §2).</summary>
public enum LogQCorrection
{
    /// <summary>No correction: c(j) = 0.</summary>
    None = 0,

    /// <summary>c(j) = −log(K·q(j)); log(V/K) for uniform sampling.</summary>
    LogQ = 1,

    /// <summary>c = log(V−1) − log(K+1), the constant of the paper's released code.</summary>
    Paper = 2,
}
