using Cce.Reference;
using Cce.Schemes;

namespace Cce.Verification;

/// <summary>
/// Runs a generated loss on a device against the fp64 reference on fresh random inputs, with poisoned
/// outputs, for each operation: what <c>cce verify</c> and the test suite are built on.
/// </summary>
public static class LossVerifier
{
    /// <summary>Verifies Forward, Backward and ForwardBackward of one variant of <typeparamref name="TLoss"/> on one case.</summary>
    /// <param name="device">Where the kernels run.</param>
    /// <param name="variant">The kernel variant (one of <c>TLoss.Variants</c> or <c>TLoss.PortableVariant</c>).</param>
    /// <param name="shape">The input case.</param>
    /// <param name="seed">Seed of the random inputs.</param>
    public static IReadOnlyList<VerificationResult> Verify<TLoss>(CceDevice device, KernelVariant variant, VerificationCase shape, int seed)
        where TLoss : CatalogLoss, ILossKernels<TLoss> =>
        Verify(LossEntry.Of<TLoss>(), device, variant, shape, seed);

    /// <summary>Verifies Forward, Backward and ForwardBackward of one variant of <paramref name="loss"/> on one case.</summary>
    /// <param name="loss">The loss, as its assembly's registry lists it.</param>
    /// <param name="device">Where the kernels run.</param>
    /// <param name="variant">The kernel variant (one of the loss's variants or its portable one).</param>
    /// <param name="shape">The input case.</param>
    /// <param name="seed">Seed of the random inputs.</param>
    public static IReadOnlyList<VerificationResult> Verify(LossEntry loss, CceDevice device, KernelVariant variant, VerificationCase shape, int seed)
    {
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(variant);
        ArgumentNullException.ThrowIfNull(shape);
        using CatalogLoss instance = loss.Create(device, KernelPlan.Fixed(variant));
        return Verify(instance, loss.ShortName, variant, shape, seed);
    }

    /// <summary>Verifies Forward, Backward and ForwardBackward of a loss already created with a fixed variant, on one case.</summary>
    /// <param name="loss">The loss, created with <c>KernelPlan.Fixed(variant)</c>: several cases share its compiled kernels.</param>
    /// <param name="lossName">The name reports give the loss.</param>
    /// <param name="variant">The variant the loss runs.</param>
    /// <param name="shape">The input case.</param>
    /// <param name="seed">Seed of the random inputs.</param>
    public static IReadOnlyList<VerificationResult> Verify(CatalogLoss loss, string lossName, KernelVariant variant, VerificationCase shape, int seed)
    {
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentException.ThrowIfNullOrWhiteSpace(lossName);
        ArgumentNullException.ThrowIfNull(variant);
        ArgumentNullException.ThrowIfNull(shape);
        return loss.Accept(new Checks(lossName, variant, shape, seed, device => new VerificationMemory.OnDevice(device)));
    }

    /// <summary>
    /// <see cref="Verify(CatalogLoss, string, KernelVariant, VerificationCase, int)"/> with every input and output of the
    /// loss in the memory that <paramref name="memory"/> provides.
    /// </summary>
    internal static IReadOnlyList<VerificationResult> Verify(CatalogLoss loss, string lossName, KernelVariant variant, VerificationCase shape, int seed, Func<CceDevice, VerificationMemory> memory) =>
        loss.Accept(new Checks(lossName, variant, shape, seed, memory));

    /// <summary>The checks of one variant and case, run once the loss's element types are known.</summary>
    private sealed class Checks(string lossName, KernelVariant variant, VerificationCase shape, int seed, Func<CceDevice, VerificationMemory> memoryFor) : ICatalogLossVisitor<IReadOnlyList<VerificationResult>>
    {
        public IReadOnlyList<VerificationResult> Visit<TElement, TGrad>(CatalogLoss<TElement, TGrad> loss)
            where TElement : unmanaged
            where TGrad : unmanaged
        {
            LossDescription description = loss.Description;
            CceDevice device = loss.Device;
            var inputs = VerificationInputs<TElement>.Create(description, shape, seed);
            var tolerance = Tolerance.For(description);
            string variantName = variant.Name;

            LossScheme scheme = LossScheme.For(description.Scheme);
            var batch = new SyntheticBatch(description, inputs.Rows, inputs.Catalog, inputs.Targets, inputs.SamplingSeed, shape.PlantedHitFraction, shape.PlantedDuplicateFraction);
            using SchemeInputs schemeInputs = scheme.Synthetic(device, batch);
            NegativeSource negatives = schemeInputs.Source(inputs.SamplingStep);
            int[] hostNegatives = schemeInputs.All(inputs.Rows, description.NegativesPerRow(inputs.Rows, inputs.Catalog), inputs.SamplingStep);
            Func<int, double> correction = scheme.ReferenceCorrection(description, inputs.Rows, inputs.Catalog, negatives);

            bool perRow = description.Reduction == LossReduction.None;
            ReferenceResult scalar = ReferenceLoss.Compute(description, inputs.HiddenExact, inputs.ItemsExact, inputs.Targets, hostNegatives, inputs.Catalog, inputs.Upstream, correction: correction);
            ReferenceResult backwardReference = perRow
                ? ReferenceLoss.Compute(description, inputs.HiddenExact, inputs.ItemsExact, inputs.Targets, hostNegatives, inputs.Catalog, 1.0, Array.ConvertAll(inputs.UpstreamPerRow, u => (double)u), correction)
                : scalar;

            int d = description.HiddenSize;
            using VerificationMemory memory = memoryFor(device);
            using CceTensor<TElement> hidden = memory.Upload(inputs.Hidden, inputs.Rows, d);
            using CceTensor<TElement> items = memory.Upload(inputs.Items, inputs.Catalog, d);
            using CceTensor<int> targets = memory.Upload(inputs.Targets, inputs.Rows, 1);
            using CceTensor<TGrad> gradHidden = memory.Allocate<TGrad>(inputs.Rows, d);
            using CceTensor<float> gradItems = memory.Allocate<float>(inputs.Catalog, d);
            using CceTensor<float> savedLse = memory.Allocate<float>(inputs.Rows, 1);
            using CceTensor<float> upstreamPerRow = memory.Upload(inputs.UpstreamPerRow, inputs.Rows, 1);

            var results = new List<VerificationResult>(3);
            VerificationResult Record(LossOperation operation, double? lossError, double? lseError, double? gradHiddenError, double? gradItemsError, Tolerance? bounds = null)
            {
                bounds ??= tolerance;
                string? failure = bounds.Check(lossError, lseError, gradHiddenError, gradItemsError);
                var result = new VerificationResult(lossName, variantName, shape.Name, operation, seed, lossError, lseError, gradHiddenError, gradItemsError, bounds, failure);
                results.Add(result);
                return result;
            }

            Run(LossOperation.Forward, () =>
            {
                LossResult forward = loss.Forward(hidden, items, targets, negatives);
                Record(LossOperation.Forward, ErrorMeasures.Scalar(forward.Loss, scalar.Loss), ErrorMeasures.LogDomain(ErrorMeasures.Widen(forward.Lse.ToArray()), scalar.Lse), null, null);
            });

            // Backward adds onto earlier gradients, as a training loop with micro-batches or tied embeddings does;
            // ForwardBackward overwrites poisoned buffers. Between them both ways of writing dH and dW are checked.
            Run(LossOperation.Backward, () =>
            {
                LossResult forward = loss.Forward(hidden, items, targets, negatives);
                savedLse.CopyFrom(forward.Lse.ToArray());
                TGrad[] priorHidden = PriorGradient<TGrad>(backwardReference.GradHidden, seed);
                float[] priorItems = PriorGradient<float>(backwardReference.GradItems, seed + 1);
                gradHidden.CopyFrom(priorHidden);
                gradItems.CopyFrom(priorItems);
                loss.Backward(hidden, items, targets, negatives, savedLse, gradHidden, gradItems, perRow ? 1f : inputs.Upstream, perRow ? upstreamPerRow : null, GradientUpdate.Accumulate);
                double[] expectedHidden = Sum(HostElements.ToDoubles(priorHidden), backwardReference.GradHidden);
                double[] expectedItems = Sum(ErrorMeasures.Widen(priorItems), backwardReference.GradItems);
                Record(
                    LossOperation.Backward,
                    null,
                    null,
                    ErrorMeasures.Relative(HostElements.ToDoubles(gradHidden.ToArray()), expectedHidden),
                    ErrorMeasures.Relative(ErrorMeasures.Widen(gradItems.ToArray()), expectedItems),
                    FilterBounds(backwardReference, expectedHidden, expectedItems));
            });

            Run(LossOperation.ForwardBackward, () =>
            {
                Poison(gradHidden, gradItems);
                LossResult fused = loss.ForwardBackward(hidden, items, targets, negatives, gradHidden, gradItems, inputs.Upstream);
                Record(
                    LossOperation.ForwardBackward,
                    ErrorMeasures.Scalar(fused.Loss, scalar.Loss),
                    ErrorMeasures.LogDomain(ErrorMeasures.Widen(fused.Lse.ToArray()), scalar.Lse),
                    ErrorMeasures.Relative(HostElements.ToDoubles(gradHidden.ToArray()), scalar.GradHidden),
                    ErrorMeasures.Relative(ErrorMeasures.Widen(gradItems.ToArray()), scalar.GradItems),
                    FilterBounds(scalar, scalar.GradHidden, scalar.GradItems));
            });

            return results;

            Tolerance FilterBounds(ReferenceResult reference, IReadOnlyList<double> expectedHidden, IReadOnlyList<double> expectedItems) =>
                tolerance.WithFilterSlack(
                    ErrorMeasures.RelativeSlack(reference.FilterSlackHidden, expectedHidden),
                    ErrorMeasures.RelativeSlack(reference.FilterSlackItems, expectedItems));

            void Run(LossOperation operation, Action body)
            {
                try
                {
                    body();
                }
                catch (Exception e) when (e is not OutOfMemoryException)
                {
                    results.Add(new VerificationResult(lossName, variantName, shape.Name, operation, seed, null, null, null, null, tolerance, $"{e.GetType().Name}: {e.Message}"));
                }
            }
        }
    }

    /// <summary>‖out − ref‖₂ / ‖ref‖₂; NaN when any output is not finite (<see cref="ErrorMeasures.Relative"/>).</summary>
    public static double VectorError(IReadOnlyList<double> actual, IReadOnlyList<double> expected) => ErrorMeasures.Relative(actual, expected);

    /// <summary>Random earlier gradients of the reference's own magnitude (root mean square), so that a lost term or a lost prior both show.</summary>
    private static T[] PriorGradient<T>(IReadOnlyList<double> reference, int seed)
        where T : unmanaged
    {
        double squares = 0;
        foreach (double value in reference)
        {
            squares += value * value;
        }

        double scale = squares > 0 ? Math.Sqrt(squares / reference.Count) : 1;
        var random = new Random(seed);
        var prior = new T[reference.Count];
        for (int i = 0; i < prior.Length; i++)
        {
            prior[i] = HostElements.FromFloat<T>((float)(((random.NextDouble() * 2) - 1) * scale));
        }

        return prior;
    }

    private static double[] Sum(IReadOnlyList<double> prior, IReadOnlyList<double> gradient)
    {
        var sum = new double[prior.Count];
        for (int i = 0; i < sum.Length; i++)
        {
            sum[i] = prior[i] + gradient[i];
        }

        return sum;
    }

    private static void Poison<TGrad>(CceTensor<TGrad> gradHidden, CceTensor<float> gradItems)
        where TGrad : unmanaged
    {
        gradHidden.Fill(HostElements.FromFloat<TGrad>(float.NaN));
        gradItems.Fill(float.NaN);
    }
}
