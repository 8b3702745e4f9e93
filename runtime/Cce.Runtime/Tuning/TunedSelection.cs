namespace Cce;

/// <summary>
/// How a loss created by <c>Create(device)</c> chooses the variant of each shape bucket it meets: records the
/// shape when asked, then uses the cached or freshly tuned pick, or the fallback where tuning does not apply.
/// </summary>
/// <param name="Loss">The loss's candidates.</param>
/// <param name="Fallback">The variant used untuned: portable kernels on the CPU accelerator, else the default candidate.</param>
/// <param name="Options">Policy, cache, plan file and log.</param>
internal sealed record TunedSelection(LossCandidates Loss, KernelVariant Fallback, TuningOptions Options)
{
    /// <summary>The variant for calls with <paramref name="rows"/> × <paramref name="catalog"/> on <paramref name="device"/>.</summary>
    public KernelVariant Choose(CceDevice device, int rows, int catalog)
    {
        if (Options.PlanFile is string plan)
        {
            ShapePlan.Append(plan, new ShapePlanEntry(Loss.Name, rows, catalog));
        }

        if (!Tunes(device, Options))
        {
            return Fallback;
        }

        TuningReport report = LossTuner.Tune(device, TuningEnvironment.For(device.Fingerprint, Options.Timing.PolicyId), Loss, rows, catalog, Options);
        return Loss.Find(report.Entry.Pick)
            ?? throw new InvalidOperationException($"The cache picked {report.Entry.Pick}, which {Loss.Name} does not declare.");
    }

    /// <summary>Whether losses on <paramref name="device"/> tune under <paramref name="options"/>.</summary>
    public static bool Tunes(CceDevice device, TuningOptions options) =>
        options.Policy != TunePolicy.Off && (device.Kind != DeviceKind.Cpu || options.TuneOnCpu);
}
