namespace Cce.Schemes;

/// <summary>The negatives of one synthetic batch, as the public API takes them and as the host reproduces them.</summary>
internal abstract class SchemeInputs : IDisposable
{
    /// <summary>The negatives argument of a call at <paramref name="step"/>.</summary>
    public abstract NegativeSource Source(ulong step);

    /// <summary>Negative <paramref name="slot"/> of <paramref name="row"/> at <paramref name="step"/>, as the kernels draw or read it.</summary>
    public abstract int Negative(int row, int slot, ulong step);

    /// <summary>The negatives of every row at <paramref name="step"/>, [N, K] row-major.</summary>
    public int[] All(int rows, int negatives, ulong step)
    {
        var all = new int[(long)rows * negatives];
        for (int row = 0; row < rows; row++)
        {
            for (int slot = 0; slot < negatives; slot++)
            {
                all[((long)row * negatives) + slot] = Negative(row, slot, step);
            }
        }

        return all;
    }

    /// <inheritdoc />
    public virtual void Dispose()
    {
    }
}
