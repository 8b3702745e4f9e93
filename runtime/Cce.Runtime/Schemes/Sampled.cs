namespace Cce.Schemes;

/// <summary>Checks shared by the schemes whose kernels draw their own negatives from (seed, step).</summary>
internal static class Sampled
{
    /// <summary>Rejects caller-given negatives and a missing or foreign distribution.</summary>
    public static void Validate(in NegativeSource source, LossDescription description)
    {
        if (source.Explicit is not null)
        {
            throw new ArgumentException($"Expected in-kernel sampling (a seed and a step) for the {description.Scheme} scheme; got explicit negatives.", "negatives");
        }

        if (source.Distribution is not null && description.Scheme != NegativeScheme.Popularity)
        {
            throw new ArgumentException($"Expected a seed and a step for the {description.Scheme} scheme; got a catalog distribution, which only the Popularity scheme draws from.", "negatives");
        }
    }

    /// <summary>The seed and the step as the kernels take them: the low and high 32-bit words of each.</summary>
    public static (uint SeedLo, uint SeedHi, uint StepLo, uint StepHi) Words(in NegativeSource source) =>
        ((uint)source.Seed, (uint)(source.Seed >> 32), (uint)source.Step, (uint)(source.Step >> 32));
}
