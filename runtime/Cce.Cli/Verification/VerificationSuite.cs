using Cce.Verification;

namespace Cce.Cli.Verification;

/// <summary>Runs the suite's losses on a device: every chosen layout, every standard case, every operation.</summary>
public static partial class VerificationSuite
{
    /// <summary>Verifies the entries whose name contains <paramref name="filter"/> (all when null), reporting each result as it comes.</summary>
    /// <param name="device">Where the kernels run.</param>
    /// <param name="layouts">Which kernel layouts to verify.</param>
    /// <param name="filter">A substring of the loss names to keep, or null.</param>
    /// <param name="seeds">Source of the seed of each case's random inputs.</param>
    /// <param name="report">Called with each result.</param>
    public static IReadOnlyList<VerificationResult> Run(CceDevice device, IReadOnlyCollection<KernelLayout> layouts, string? filter, Random seeds, Action<VerificationResult> report)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(layouts);
        ArgumentNullException.ThrowIfNull(seeds);
        ArgumentNullException.ThrowIfNull(report);
        var results = new List<VerificationResult>();
        foreach (VerificationEntry entry in Entries)
        {
            if (filter is not null && !entry.Name.Contains(filter, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            foreach (KernelVariant variant in VariantsOf(entry, layouts))
            {
                foreach (VerificationCase shape in VerificationCase.Standard)
                {
                    foreach (VerificationResult result in entry.Verify(device, variant, shape, seeds.Next()))
                    {
                        results.Add(result);
                        report(result);
                    }
                }
            }
        }

        return results;
    }

    private static IEnumerable<KernelVariant> VariantsOf(VerificationEntry entry, IReadOnlyCollection<KernelLayout> layouts)
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
