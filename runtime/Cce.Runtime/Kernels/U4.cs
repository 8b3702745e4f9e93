namespace Cce.Kernels;

/// <summary>Sixteen bytes as four 32-bit words: the unit of every vector load and store of the kernels.</summary>
public struct U4
{
    /// <summary>Word 0 (lowest address).</summary>
    public uint X;

    /// <summary>Word 1.</summary>
    public uint Y;

    /// <summary>Word 2.</summary>
    public uint Z;

    /// <summary>Word 3 (highest address).</summary>
    public uint W;

    /// <summary>Creates a vector from four words.</summary>
    public U4(uint x, uint y, uint z, uint w)
    {
        X = x;
        Y = y;
        Z = z;
        W = w;
    }
}
