namespace Cce;

/// <summary>The constant c added to every negative logit (SPEC §2) for the schemes where it is one constant.</summary>
public static class CorrectionTerm
{
    /// <summary><see cref="Exact"/> rounded to fp32, as the kernels receive it.</summary>
    /// <inheritdoc cref="Exact" path="/param"/>
    /// <inheritdoc cref="Exact" path="/exception"/>
    public static float For(LogQCorrection correction, NegativeScheme scheme, int negatives, int catalog) =>
        (float)Exact(correction, scheme, negatives, catalog);

    /// <summary>
    /// The correction in fp64, for the reference: 0 for <see cref="LogQCorrection.None"/>; −log(K·q) = log(V/K) for
    /// <see cref="LogQCorrection.LogQ"/> under uniform sampling (q = 1/V); log(V−1) − log(K+1) for
    /// <see cref="LogQCorrection.Paper"/>.
    /// </summary>
    /// <param name="correction">Which correction.</param>
    /// <param name="scheme">How negatives are drawn: LogQ needs the sampling probability q, known only for uniform schemes.</param>
    /// <param name="negatives">Negatives per row K ≥ 1.</param>
    /// <param name="catalog">Catalog size V (≥ 1; ≥ 2 for <see cref="LogQCorrection.Paper"/>).</param>
    /// <exception cref="NotSupportedException">LogQ with a scheme whose q is not one known constant (explicit, popularity, in-batch, full catalog).</exception>
    /// <exception cref="ArgumentOutOfRangeException">K or V out of range, or an unknown correction.</exception>
    public static double Exact(LogQCorrection correction, NegativeScheme scheme, int negatives, int catalog)
    {
        switch (correction)
        {
            case LogQCorrection.None:
                return 0.0;
            case LogQCorrection.LogQ:
                CheckSizes(negatives, catalog, minimumCatalog: 1);
                if (scheme is not (NegativeScheme.UniformPerRow or NegativeScheme.SharedUniform))
                {
                    throw new NotSupportedException(
                        $"LogQ correction needs the sampling probability q(j); it is one constant only for uniform schemes, not for {scheme}.");
                }

                return Math.Log((double)catalog / negatives);
            case LogQCorrection.Paper:
                CheckSizes(negatives, catalog, minimumCatalog: 2);
                return Math.Log(catalog - 1.0) - Math.Log(negatives + 1.0);
            default:
                throw new ArgumentOutOfRangeException(nameof(correction), correction, "Expected None, LogQ or Paper.");
        }
    }

    private static void CheckSizes(int negatives, int catalog, int minimumCatalog)
    {
        if (negatives < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(negatives), negatives, "Expected negatives K >= 1.");
        }

        if (catalog < minimumCatalog)
        {
            throw new ArgumentOutOfRangeException(nameof(catalog), catalog, $"Expected catalog V >= {minimumCatalog}.");
        }
    }
}
