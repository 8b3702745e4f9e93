namespace Cce.Gen.SourceGenerators.Schemes;

/// <summary>The kernel families a scheme can be run by.</summary>
internal enum KernelFamily
{
    /// <summary>A warp owns a row and gathers its own negatives (<c>Families/PerRow</c>).</summary>
    PerRow,

    /// <summary>Groups form blocks of logits against a set of items shared by many rows, on the matrix units (<c>Families/Matrix</c>).</summary>
    Matrix,
}
