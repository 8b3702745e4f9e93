using System.Runtime.ExceptionServices;

namespace Cce.Verification;

/// <summary>Runs losses on a device: every chosen layout, every standard case, every operation.</summary>
public static class VerificationSuite
{
    /// <summary>
    /// Verifies the losses whose name contains <paramref name="filter"/> (all when null), reporting each result in the
    /// order of <paramref name="losses"/>. Up to <paramref name="workers"/> losses are verified at once, each worker
    /// beyond the first on a device object of its own over the same hardware: compiling the kernels of a loss is
    /// single-threaded host work, most of a suite's time, and independent losses compile side by side. Every case's
    /// seed is drawn from <paramref name="seeds"/> in the suite's order before any work starts, so the inputs, and
    /// hence the results, do not depend on the number of workers or on their timing.
    /// </summary>
    /// <param name="losses">The losses, e.g. an assembly's registry.</param>
    /// <param name="device">Where the kernels run.</param>
    /// <param name="layouts">Which kernel layouts to verify.</param>
    /// <param name="filter">A substring of the loss names to keep, or null.</param>
    /// <param name="seeds">Source of the seed of each case's random inputs.</param>
    /// <param name="report">Called with each result, on the calling thread.</param>
    /// <param name="workers">Losses verified at once, at least 1; null for <see cref="DefaultWorkers"/>.</param>
    /// <param name="skipped">
    /// Called, on the calling thread before any case runs, with each declared variant left out because it does not run on
    /// <paramref name="device"/> (<see cref="KernelVariant.RunsOn"/>); null to leave them out silently. On the CPU
    /// accelerator the GPU-only variants are left to a GPU's run without a word.
    /// </param>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="filter"/>, <paramref name="workers"/> or <paramref name="skipped"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="workers"/> is below 1.</exception>
    public static IReadOnlyList<VerificationResult> Run(
        IReadOnlyList<LossEntry> losses, CceDevice device, IReadOnlyCollection<KernelLayout> layouts, string? filter, Random seeds, Action<VerificationResult> report, int? workers = null, Action<VerificationSkip>? skipped = null)
    {
        ArgumentNullException.ThrowIfNull(losses);
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(layouts);
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentNullException.ThrowIfNull(report);
        int count = workers ?? DefaultWorkers(device);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1, nameof(workers));

        Work[] work = losses
            .Where(entry => filter is null || entry.ShortName.Contains(filter, StringComparison.OrdinalIgnoreCase))
            .Select(entry => new Work(entry, VariantsOf(entry, layouts).Where(variant => device.Kind != DeviceKind.Cpu || !variant.EmulatedOnCpu).Select(variant => (variant, Seeds(seeds))).ToArray()))
            .ToArray();
        foreach (Work item in work)
        {
            foreach (KernelVariant variant in item.Variants.Select(v => v.Variant).Where(v => !v.RunsOn(device)))
            {
                skipped?.Invoke(new VerificationSkip(item.Entry.ShortName, variant.Name, variant.Unsupported(device)));
            }
        }
        var results = new List<VerificationResult>();
        if (count == 1 || work.Length <= 1)
        {
            foreach (Work item in work)
            {
                Verify(item, device, result =>
                {
                    results.Add(result);
                    report(result);
                });
            }

            return results;
        }

        RunInParallel(work, device, Math.Min(count, work.Length), result =>
        {
            results.Add(result);
            report(result);
        });
        return results;
    }

    /// <summary>
    /// Losses verified at once by default: on a GPU, one per two host cores up to eight (the compilation is host-bound,
    /// the GPU idles between kernels); on the CPU accelerator one, whose kernels already use every core.
    /// </summary>
    /// <exception cref="ArgumentNullException"><paramref name="device"/> is null.</exception>
    public static int DefaultWorkers(CceDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        return device.Kind == DeviceKind.Cpu ? 1 : Math.Clamp(Environment.ProcessorCount / 2, 1, 8);
    }

    /// <summary>
    /// Verifies <paramref name="work"/> on <paramref name="workers"/> threads; the devices of all but the first are
    /// opened here, so a device that cannot be opened fails the suite before anything runs. This thread hands each
    /// loss's results to <paramref name="deliver"/>, in order, as soon as that loss and every loss before it are done;
    /// when it stops early (a failure, or <paramref name="deliver"/> throwing) the workers finish the loss in hand,
    /// take no other, and are joined before their devices are closed.
    /// </summary>
    private static void RunInParallel(Work[] work, CceDevice device, int workers, Action<VerificationResult> deliver)
    {
        var devices = new List<CceDevice> { device };
        var threads = new List<Thread>();
        int next = -1;
        try
        {
            while (devices.Count < workers)
            {
                devices.Add(CceDevice.Open(device.Kind, device.Index));
            }

            foreach (CceDevice on in devices)
            {
                var thread = new Thread(() =>
                {
                    for (int i = Interlocked.Increment(ref next); i < work.Length; i = Interlocked.Increment(ref next))
                    {
                        work[i].RunOn(on);
                    }
                })
                {
                    IsBackground = true,
                    Name = $"cce verify worker {threads.Count}",
                };
                threads.Add(thread);
                thread.Start();
            }

            foreach (Work item in work)
            {
                foreach (VerificationResult result in item.Take())
                {
                    deliver(result);
                }
            }
        }
        finally
        {
            // Past the last index: a worker that looks for more work finds none.
            Interlocked.Exchange(ref next, work.Length);
            foreach (Thread thread in threads)
            {
                thread.Join();
            }

            foreach (CceDevice own in devices.Skip(1))
            {
                own.Dispose();
            }
        }
    }

    private static void Verify(Work work, CceDevice device, Action<VerificationResult> add)
    {
        // A variant the device cannot run still drew its seeds above, so the others' inputs do not depend on the device.
        foreach ((KernelVariant variant, int[] caseSeeds) in work.Variants.Where(v => v.Variant.RunsOn(device)))
        {
            // One loss per variant: the cases share its compiled kernels.
            using CatalogLoss loss = work.Entry.Create(device, KernelPlan.Fixed(variant));
            for (int c = 0; c < VerificationCase.Standard.Count; c++)
            {
                foreach (VerificationResult result in LossVerifier.Verify(loss, work.Entry.ShortName, variant, VerificationCase.Standard[c], caseSeeds[c]))
                {
                    add(result);
                }
            }
        }
    }

    private static int[] Seeds(Random seeds) => VerificationCase.Standard.Select(_ => seeds.Next()).ToArray();

    /// <summary>The variants of <paramref name="entry"/> in the chosen layouts; on the CPU accelerator those it only emulates are left to a GPU's run.</summary>
    private static IEnumerable<KernelVariant> VariantsOf(LossEntry entry, IReadOnlyCollection<KernelLayout> layouts)
    {
        if (layouts.Contains(KernelLayout.Warp))
        {
            foreach (KernelVariant variant in entry.Variants)
            {
                yield return variant;
            }
        }

        if (layouts.Contains(KernelLayout.Portable))
        {
            yield return entry.Portable;
        }
    }

    /// <summary>One loss's variants with their case seeds, and what a worker gathered for it: its results or its exception.</summary>
    private sealed class Work(LossEntry entry, (KernelVariant Variant, int[] Seeds)[] variants)
    {
        private readonly List<VerificationResult> results = [];
        // Never disposed: it holds no kernel handle until a wait blocks, and the suite's waits end with the suite.
        private readonly ManualResetEventSlim done = new();
        private ExceptionDispatchInfo? failure;

        public LossEntry Entry => entry;

        public (KernelVariant Variant, int[] Seeds)[] Variants => variants;

        /// <summary>Verifies the loss on <paramref name="device"/>; an exception is kept for <see cref="Take"/> to rethrow, as a sequential run would have thrown it.</summary>
        public void RunOn(CceDevice device)
        {
            try
            {
                Verify(this, device, results.Add);
            }
            catch (Exception e)
            {
                failure = ExceptionDispatchInfo.Capture(e);
            }
            finally
            {
                done.Set();
            }
        }

        /// <summary>Waits for the loss to be done and hands over its results.</summary>
        public IReadOnlyList<VerificationResult> Take()
        {
            done.Wait();
            failure?.Throw();
            return results;
        }
    }
}
