namespace Cce.Cli.Benchmarks;

/// <summary>
/// Measures what <see cref="CatalogLossAttribute.GradientFilter"/> buys and costs on a full-catalog preset: the
/// unfiltered loss and its filtered twin timed on the same inputs, and how far the filtered gradients move.
/// </summary>
/// <remarks>
/// The timing presets' inputs give logits of std ~0.33, a nearly uniform softmax in which the filter could leave out
/// only what every item contributes alike; a trained model's softmax is far more peaked. So the inputs here are drawn
/// for given logit spreads (<see cref="LogitSpreads"/>), from uniform halves of the amplitude each spread needs.
/// </remarks>
internal sealed class FilterBenchmark
{
    private readonly Func<CceDevice, string, int, int, double, int, FilterBenchmarkResult> run;

    private FilterBenchmark(LossDescription description, Func<CceDevice, string, int, int, double, int, FilterBenchmarkResult> run)
    {
        Description = description;
        this.run = run;
    }

    /// <summary>The std σ of the logits each preset is measured at: from a mildly peaked softmax to one a few items dominate.</summary>
    public static IReadOnlyList<double> LogitSpreads { get; } = [1, 4, 8];

    /// <summary>The filtered loss: its D and its threshold.</summary>
    public LossDescription Description { get; }

    /// <summary>The pair of <typeparamref name="TLoss"/> and <typeparamref name="TFiltered"/>, which must differ only in the filter.</summary>
    public static FilterBenchmark Of<TLoss, TFiltered>()
        where TLoss : CatalogLoss<Half, Half>, ILossKernels<TLoss>
        where TFiltered : CatalogLoss<Half, Half>, ILossKernels<TFiltered>
    {
        // A pair that differs in anything else would time and compare that difference too.
        if (TLoss.Description.GradientFilter != 0f || TFiltered.Description != TLoss.Description with { GradientFilter = TFiltered.Description.GradientFilter })
        {
            throw new ArgumentException($"Expected {typeof(TFiltered).Name} to be {typeof(TLoss).Name} with a gradient filter; got {TFiltered.Description} and {TLoss.Description}.");
        }

        return new FilterBenchmark(TFiltered.Description, Run<TLoss, TFiltered>);
    }

    /// <summary>
    /// Times both losses (two warm-up ForwardBackward calls, then <paramref name="repetitions"/> timed ones; the medians)
    /// on inputs of N × V whose logits have std <paramref name="logitStd"/>, and compares their gradients.
    /// </summary>
    public FilterBenchmarkResult Run(CceDevice device, string preset, int rows, int catalog, double logitStd, int repetitions) =>
        run(device, preset, rows, catalog, logitStd, repetitions);

    private static FilterBenchmarkResult Run<TLoss, TFiltered>(CceDevice device, string preset, int rows, int catalog, double logitStd, int repetitions)
        where TLoss : CatalogLoss<Half, Half>, ILossKernels<TLoss>
        where TFiltered : CatalogLoss<Half, Half>, ILossKernels<TFiltered>
    {
        int d = TLoss.Description.HiddenSize;
        double amplitude = RandomInputs.AmplitudeFor(logitStd, d);
        var random = new Random(1);
        using CceTensor<Half> hidden = device.Upload<Half>(RandomInputs.Halves(random, (long)rows * d, amplitude), rows, d);
        using CceTensor<Half> items = device.Upload<Half>(RandomInputs.Halves(random, (long)catalog * d, amplitude), catalog, d);
        using CceTensor<int> targets = device.Upload<int>(RandomInputs.Targets(random, rows, catalog), rows, 1);
        using CceTensor<Half> gradHidden = device.Allocate<Half>(rows, d);
        using CceTensor<float> gradItems = device.Allocate<float>(catalog, d);
        var inputs = new Inputs(hidden, items, targets, gradHidden, gradItems);

        Measurement plain = Measure<TLoss>(device, inputs, repetitions);
        Measurement filtered = Measure<TFiltered>(device, inputs, repetitions);
        return new FilterBenchmarkResult(
            preset,
            rows,
            catalog,
            d,
            logitStd,
            amplitude,
            TFiltered.Description.GradientFilter,
            plain.MedianMs,
            filtered.MedianMs,
            plain.MedianMs / filtered.MedianMs,
            RelativeDifference.Of(filtered.GradItems, plain.GradItems),
            RelativeDifference.Of(filtered.BackwardGradHidden, plain.BackwardGradHidden));
    }

    private static Measurement Measure<TLoss>(CceDevice device, Inputs inputs, int repetitions)
        where TLoss : CatalogLoss<Half, Half>, ILossKernels<TLoss>
    {
        (CceTensor<Half> hidden, CceTensor<Half> items, CceTensor<int> targets, CceTensor<Half> gradHidden, CceTensor<float> gradItems) = inputs;
        using TLoss loss = TLoss.Create(device, LossFactory.Plan<TLoss>(device));

        // The full catalog samples nothing, so every step computes the same gradients: the last timed call's dW is the one compared.
        CallTimes times = CallTimes.Measure(repetitions, step => loss.ForwardBackward(hidden, items, targets, NegativeSource.Sampled(1, step), gradHidden, gradItems));
        float[] gradItemsValues = gradItems.ToArray();

        LossResult forward = loss.Forward(hidden, items, targets, NegativeSource.Sampled(1, 0));
        loss.Backward(hidden, items, targets, NegativeSource.Sampled(1, 0), forward.Lse, gradHidden, gradItems, update: GradientUpdate.Overwrite);
        return new Measurement(times.MedianMs, gradItemsValues, gradHidden.ToArray());
    }

    /// <summary>The device tensors both losses of a pair run on.</summary>
    private sealed record Inputs(CceTensor<Half> Hidden, CceTensor<Half> Items, CceTensor<int> Targets, CceTensor<Half> GradHidden, CceTensor<float> GradItems);

    /// <summary>One loss's median time, the dW of a ForwardBackward call and the dH of a Backward call.</summary>
    private sealed record Measurement(double MedianMs, float[] GradItems, Half[] BackwardGradHidden);
}
