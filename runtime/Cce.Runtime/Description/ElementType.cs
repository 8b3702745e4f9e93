namespace Cce;

/// <summary>Storage type of the hidden states and the item table. Accumulation is always fp32.</summary>
public enum ElementType
{
    /// <summary>IEEE binary32 (<see cref="float"/>).</summary>
    Float32 = 0,

    /// <summary>IEEE binary16 (<see cref="System.Half"/>).</summary>
    Float16 = 1,

    /// <summary>bfloat16: the upper 16 bits of a binary32, rounded to nearest even.</summary>
    BFloat16 = 2,
}
