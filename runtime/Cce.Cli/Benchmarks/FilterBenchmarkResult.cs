namespace Cce.Cli.Benchmarks;

/// <summary>What the gradient filter bought and cost on one full-catalog preset at one logit spread.</summary>
/// <param name="Preset">Preset name.</param>
/// <param name="Rows">Rows N.</param>
/// <param name="Catalog">Catalog size V.</param>
/// <param name="HiddenSize">Hidden size D.</param>
/// <param name="LogitStd">The std σ of the logits the inputs were drawn for.</param>
/// <param name="Amplitude">The bound a of the uniform(−a, a) fp16 hidden states and items that gives that σ.</param>
/// <param name="GradientFilter">The filtered loss's threshold t: terms whose probability is below it may be left out.</param>
/// <param name="UnfilteredMs">Median milliseconds of a ForwardBackward call of the unfiltered loss.</param>
/// <param name="FilteredMs">The same for the filtered loss, on the same inputs.</param>
/// <param name="SpeedUp">Unfiltered ms / filtered ms.</param>
/// <param name="GradItemsDifference">‖dW_filtered − dW‖₂ / ‖dW‖₂ of one ForwardBackward call each (NaN when dW is 0).</param>
/// <param name="GradHiddenDifference">
/// The same for dH, from a Backward call each on the log-sum-exp of a Forward call: ForwardBackward's dH comes from its
/// online pass, which has no saved log-sum-exp to filter by.
/// </param>
internal sealed record FilterBenchmarkResult(
    string Preset,
    int Rows,
    int Catalog,
    int HiddenSize,
    double LogitStd,
    double Amplitude,
    float GradientFilter,
    double UnfilteredMs,
    double FilteredMs,
    double SpeedUp,
    double GradItemsDifference,
    double GradHiddenDifference);
