namespace Cce;

/// <summary>Thrown by a forward pass with <c>CheckFinite</c> on when a row's loss is NaN or infinite.</summary>
public sealed class NonFiniteLossException : Exception
{
    /// <summary>Creates the exception for the first offending row.</summary>
    public NonFiniteLossException(int row, float value)
        : base($"Row {row} has a non-finite loss ({value}): its hidden state or one of its item rows holds NaN or infinity.")
    {
        Row = row;
        Value = value;
    }

    /// <summary>The first row whose loss is not finite.</summary>
    public int Row { get; }

    /// <summary>The loss of that row.</summary>
    public float Value { get; }
}
