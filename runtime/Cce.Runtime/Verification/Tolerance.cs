namespace Cce.Verification;

/// <summary>
/// Largest relative errors (‖out − ref‖ / ‖ref‖) accepted against the fp64 reference. The reference sees the
/// exact stored inputs, so input rounding is no error; what remains is fp32 accumulation (about 1e-6) and
/// the rounding of dH into its element type: 2^-8 for bf16 and 2^-11 for fp16 per element. The matrix units of the
/// full-catalog and shared-set kernels multiply the probabilities rounded to the 16-bit element type (as every tensor-core
/// cross-entropy does), so there dH and dW take the same bound as a 16-bit dH: measured on an H200, 1.2–1.9e-3 (bf16)
/// and 1.4–3.6e-4 (fp16).
/// </summary>
/// <param name="Loss">Reduced loss.</param>
/// <param name="Lse">Per-row log-sum-exp.</param>
/// <param name="GradHidden">dH.</param>
/// <param name="GradItems">dW (always accumulated in fp32).</param>
public sealed record Tolerance(double Loss, double Lse, double GradHidden, double GradItems)
{
    /// <summary>The tolerances for a description: fp32 loss ≤ 1e-5 and gradients ≤ 1e-4; dH looser by its rounding unit for 16-bit output.</summary>
    public static Tolerance For(LossDescription description)
    {
        ArgumentNullException.ThrowIfNull(description);
        ElementType gradient = description.HiddenGradient == GradientPrecision.Float32 ? ElementType.Float32 : description.Element;
        if (description.Scheme == NegativeScheme.FullCatalog && description.AllowTensorFloat32)
        {
            // H, W and the probabilities are rounded to TF32 (unit roundoff 2^-11) before every product: each logit
            // moves by up to 2^-10 of the sum of its products' magnitudes, which reaches the log-sum-exp and the loss
            // (measured on an H200: up to 2.4e-4), and the gradients carry it as 16-bit products would (up to 4.3e-4).
            return new Tolerance(TensorFloat32Bound / 2, TensorFloat32Bound / 2, TensorFloat32Bound, TensorFloat32Bound);
        }

        if (description.Scheme is NegativeScheme.FullCatalog or NegativeScheme.SharedUniform or NegativeScheme.InBatch && description.Element != ElementType.Float32)
        {
            double products = RoundingBound(description.Element);
            return new Tolerance(1e-5, 1e-5, products, products);
        }

        return new Tolerance(1e-5, 1e-5, RoundingBound(gradient), 1e-4);
    }

    /// <summary>
    /// The bounds widened by what a gradient filter may leave out (<see cref="ErrorMeasures.RelativeSlack"/> of the
    /// reference's <c>FilterSlack</c> arrays): by the triangle inequality a filtered gradient stays within them.
    /// </summary>
    /// <param name="gradHidden">Relative slack of dH (0 without a filter).</param>
    /// <param name="gradItems">Relative slack of dW (0 without a filter).</param>
    public Tolerance WithFilterSlack(double gradHidden, double gradItems) =>
        gradHidden == 0 && gradItems == 0 ? this : this with { GradHidden = GradHidden + gradHidden, GradItems = GradItems + gradItems };

    /// <summary>Four times TF32's unit roundoff: both factors of every product are rounded.</summary>
    private const double TensorFloat32Bound = 2e-3;

    /// <summary>Twice the unit roundoff of a 16-bit type (8e-3 for bf16, 1e-3 for fp16); 1e-4 for fp32.</summary>
    private static double RoundingBound(ElementType element) => element switch
    {
        ElementType.BFloat16 => 8e-3,
        ElementType.Float16 => 1e-3,
        _ => 1e-4,
    };

    /// <summary>Null when every given error is within its bound (a NaN error fails), else the first that is not.</summary>
    /// <param name="loss">Error of the reduced loss, or null when not produced.</param>
    /// <param name="lse">Error of the per-row log-sum-exp, or null.</param>
    /// <param name="gradHidden">Error of dH, or null.</param>
    /// <param name="gradItems">Error of dW, or null.</param>
    public string? Check(double? loss, double? lse, double? gradHidden, double? gradItems) =>
        ErrorMeasures.Exceeds("loss", loss, Loss) ?? ErrorMeasures.Exceeds("lse", lse, Lse)
        ?? ErrorMeasures.Exceeds("dH", gradHidden, GradHidden) ?? ErrorMeasures.Exceeds("dW", gradItems, GradItems);
}
