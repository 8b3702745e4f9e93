namespace Cce;

/// <summary>How per-row losses are combined into the reported loss.</summary>
public enum LossReduction
{
    /// <summary>Mean over the rows whose target is not ignored.</summary>
    Mean = 0,

    /// <summary>Sum over all rows (ignored rows contribute 0).</summary>
    Sum = 1,

    /// <summary>No reduction: the per-row losses are the result.</summary>
    None = 2,
}
