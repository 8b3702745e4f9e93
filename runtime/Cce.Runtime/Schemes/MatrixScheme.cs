using Cce.Families.Matrix;

namespace Cce.Schemes;

/// <summary>A scheme run by the matrix kernels: the whole catalog, or a candidate set each group of rows shares.</summary>
internal abstract class MatrixScheme : LossScheme
{
    /// <summary>The matrix half of <paramref name="scheme"/>.</summary>
    /// <exception cref="NotSupportedException">The scheme is not run by the matrix kernels.</exception>
    public static new MatrixScheme For(NegativeScheme scheme) =>
        LossScheme.For(scheme) as MatrixScheme ?? throw new NotSupportedException($"Expected a scheme of the matrix kernels; got {scheme}.");

    /// <summary>Whether each group of rows streams its own candidate set (gathered from the item table) rather than the catalog.</summary>
    public virtual bool SharesCandidates => true;

    /// <summary>Writes the scheme's part of the launch arguments for a call of <paramref name="rows"/> rows over <paramref name="catalog"/> items.</summary>
    public abstract void Bind(ref MatrixArguments arguments, in NegativeSource source, LossDescription description, int rows, int catalog);
}
