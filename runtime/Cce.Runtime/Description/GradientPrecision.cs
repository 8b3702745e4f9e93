namespace Cce;

/// <summary>Element type of the gradient of the hidden states.</summary>
public enum GradientPrecision
{
    /// <summary>The gradient has the element type of the inputs.</summary>
    Input = 0,

    /// <summary>The gradient is written in fp32 whatever the input type.</summary>
    Float32 = 1,
}
