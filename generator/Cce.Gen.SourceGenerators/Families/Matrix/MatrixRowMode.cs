namespace Cce.Gen.SourceGenerators.Families.Matrix;

/// <summary>What a row-pass kernel of the matrix family does with the probabilities of its block.</summary>
internal enum MatrixRowMode
{
    /// <summary>Online maximum and sum only: the log-sum-exp and loss, or a split's partials.</summary>
    Forward,

    /// <summary>Online maximum and sum, and dH with its accumulator rescaled as the maximum grows.</summary>
    ForwardGradient,

    /// <summary>dH from the saved log-sum-exp: probabilities directly, nothing to rescale.</summary>
    Gradient,
}
