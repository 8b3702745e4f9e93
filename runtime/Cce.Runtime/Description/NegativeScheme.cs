namespace Cce;

/// <summary>How the negatives of each row are chosen (SPEC §3).</summary>
public enum NegativeScheme
{
    /// <summary>K i.i.d. uniform draws from [0, V) for every row, with replacement, drawn inside the kernel.</summary>
    UniformPerRow = 0,

    /// <summary>The caller passes an [N, K] int32 tensor of negative item indices.</summary>
    Explicit = 1,

    /// <summary>Per-row draws from a catalog distribution through an alias table (not available yet).</summary>
    Popularity = 2,

    /// <summary>Groups of consecutive rows share one set of K uniform negatives (not available yet).</summary>
    SharedUniform = 3,

    /// <summary>The positives of the other rows of the group are the negatives (not available yet).</summary>
    InBatch = 4,

    /// <summary>Every item of the catalog is a candidate: the full cross-entropy, on the matrix kernels; no negatives, no correction.</summary>
    FullCatalog = 5,
}
