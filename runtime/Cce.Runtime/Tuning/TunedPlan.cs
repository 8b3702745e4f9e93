using Cce.Tuning.Cache;

namespace Cce.Tuning;

/// <summary>
/// The plan of a loss created by <c>Create(device)</c> where tuning applies or shapes are recorded: for each shape
/// bucket met, records the shape when asked, then uses the cached or freshly tuned pick, or the fallback where
/// tuning does not apply. Later calls of a bucket cost one dictionary lookup.
/// </summary>
/// <param name="loss">The loss's candidates.</param>
/// <param name="fallback">The variant used untuned: portable kernels on the CPU accelerator, else the default candidate.</param>
/// <param name="options">Policy, cache, plan file and log.</param>
internal sealed class TunedPlan(LossEntry loss, KernelVariant fallback, TuningOptions options) : KernelPlan
{
    private readonly Dictionary<ShapeBucket, KernelVariant> picks = [];

    public override KernelVariant Initial => fallback;

    internal override KernelVariant For(CceDevice device, int rows, int catalog)
    {
        ShapeBucket bucket = ShapeBucket.For(rows, catalog);
        if (!picks.TryGetValue(bucket, out KernelVariant? variant))
        {
            variant = Choose(device, rows, catalog);
            picks.Add(bucket, variant);
        }

        return variant;
    }

    /// <summary>Whether losses on <paramref name="device"/> tune under <paramref name="options"/>.</summary>
    public static bool Tunes(CceDevice device, TuningOptions options) =>
        options.Policy != TunePolicy.Off && (device.Kind != DeviceKind.Cpu || options.TuneOnCpu);

    private KernelVariant Choose(CceDevice device, int rows, int catalog)
    {
        if (options.PlanFile is string plan)
        {
            ShapePlan.Append(plan, new ShapePlanEntry(loss.Name, rows, catalog));
        }

        if (!Tunes(device, options))
        {
            return fallback;
        }

        TuningReport report = LossTuner.Tune(device, TuningEnvironment.For(device.Fingerprint, options.Timing.PolicyId), loss, rows, catalog, options);
        return loss.Find(report.Entry.Pick)
            ?? throw new InvalidOperationException($"The cache picked {report.Entry.Pick}, which {loss.Name} does not declare.");
    }
}
