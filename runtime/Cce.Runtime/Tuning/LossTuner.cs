using System.Diagnostics;
using System.Globalization;
using Cce.Tuning.Cache;
using Cce.Tuning;

namespace Cce;

/// <summary>
/// Looks up, and on a miss tunes and stores, the pick of a generated loss for one shape bucket on one device:
/// what a loss created by <c>Create(device)</c> does at the first call of each bucket, and what <c>cce tune</c>
/// does ahead of time.
/// </summary>
public static class LossTuner
{
    /// <summary>
    /// The pick of <typeparamref name="TLoss"/> for the bucket of <paramref name="rows"/> × <paramref name="catalog"/>
    /// on <paramref name="device"/>: from the cache, or tuned and stored on a miss (always tuned under
    /// <see cref="TunePolicy.Force"/>). <see cref="TunePolicy.Off"/> does not apply: this is an explicit request.
    /// On the CPU accelerator only the portable kernels, which losses there run, are checked and timed, unless
    /// <see cref="TuningOptions.TuneOnCpu"/> asks for the declared candidates.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 1.</exception>
    public static TuningReport Tune<TLoss>(CceDevice device, int rows, int catalog, TuningOptions? options = null)
        where TLoss : CatalogLoss, ILossKernels<TLoss> =>
        Tune(LossEntry.Of<TLoss>(), device, rows, catalog, options);

    /// <summary>As <see cref="Tune{TLoss}"/>, for a loss named by its registry entry.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A size is below 1.</exception>
    public static TuningReport Tune(LossEntry loss, CceDevice device, int rows, int catalog, TuningOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(device);
        options ??= TuningOptions.FromEnvironment();
        LossEntry candidates = device.Kind == DeviceKind.Cpu && !options.TuneOnCpu ? loss.PortableOnly() : loss.RunningOn(device);
        return Tune(device, TuningEnvironment.For(device.Fingerprint, options.Timing.PolicyId), candidates, rows, catalog, options);
    }

    /// <summary>As <see cref="Tune{TLoss}"/>, in a given environment (tests change its fingerprint); candidates that do not run on <paramref name="device"/> are left out.</summary>
    internal static TuningReport Tune(CceDevice device, TuningEnvironment environment, LossEntry loss, int rows, int catalog, TuningOptions options)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(catalog, 1);
        loss = loss.RunningOn(device);
        var clock = Stopwatch.StartNew();
        TuningKey key = TuningKey.For(loss.Description, loss.Tiles, rows, catalog);
        string subject = $"{loss.ShortName} {key.Bucket} on {device}";
        if (options.Policy != TunePolicy.Force && options.Cache.TryGet(environment, key, out TuningEntry? cached))
        {
            options.Log?.WriteLine($"cce tune: {subject}: cache hit, {cached.Pick}");
            return new TuningReport(cached, FromCache: true, clock.Elapsed);
        }

        options.Log?.WriteLine($"cce tune: {subject}: {(options.Policy == TunePolicy.Force ? "retuning (CCE_TUNE=force)" : "cache miss")}, timing {loss.Variants.Length} candidates");
        TuningOutcome outcome;
        using (ICandidateRunner runner = options.Runners(device, loss.Description, loss.Variants, key.Bucket))
        {
            outcome = Autotuner.Run(runner, loss.Tiles, loss.DefaultVariant, options.Timing, options.Log is null ? null : options.Log.WriteLine);
        }

        var entry = new TuningEntry(environment, key, outcome.Results, loss.Tiles[outcome.Pick], outcome.PickIsDefault, DateTime.UtcNow);
        string where;
        try
        {
            where = options.Cache.Store(entry);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An unwritable cache costs a retune next time, never the pick of this one.
            where = $"not stored: {e.Message}";
            Console.Error.WriteLine($"cce tune: could not store the pick of {subject} in {options.Cache.Root}: {e.Message}");
        }

        options.Log?.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cce tune: {subject}: picked {entry.Pick}{(outcome.PickIsDefault ? " (every candidate failed: the default)" : string.Empty)} in {clock.Elapsed.TotalSeconds:F2} s ({where})"));
        return new TuningReport(entry, FromCache: false, clock.Elapsed);
    }
}
