namespace Cce.Verification;

/// <summary>Runs losses on a device: every chosen layout, every standard case, every operation.</summary>
public static class VerificationSuite
{
    /// <summary>Verifies the losses whose name contains <paramref name="filter"/> (all when null), reporting each result as it comes.</summary>
    /// <param name="losses">The losses, e.g. an assembly's registry.</param>
    /// <param name="device">Where the kernels run.</param>
    /// <param name="layouts">Which kernel layouts to verify.</param>
    /// <param name="filter">A substring of the loss names to keep, or null.</param>
    /// <param name="seeds">Source of the seed of each case's random inputs.</param>
    /// <param name="report">Called with each result.</param>
    public static IReadOnlyList<VerificationResult> Run(IReadOnlyList<LossEntry> losses, CceDevice device, IReadOnlyCollection<KernelLayout> layouts, string? filter, Random seeds, Action<VerificationResult> report)
    {
        ArgumentNullException.ThrowIfNull(losses);
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(layouts);
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentNullException.ThrowIfNull(report);
        var results = new List<VerificationResult>();
        foreach (LossEntry entry in losses)
        {
            if (filter is not null && !entry.ShortName.Contains(filter, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (KernelVariant variant in VariantsOf(entry, layouts))
            {
                // One loss per variant: the cases share its compiled kernels.
                using CatalogLoss loss = entry.Create(device, KernelPlan.Fixed(variant));
                foreach (VerificationCase shape in VerificationCase.Standard)
                {
                    foreach (VerificationResult result in LossVerifier.Verify(loss, entry.ShortName, variant, shape, seeds.Next()))
                    {
                        results.Add(result);
                        report(result);
                    }
                }
            }
        }

        return results;
    }

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
}
