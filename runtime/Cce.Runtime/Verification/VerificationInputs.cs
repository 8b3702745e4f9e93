namespace Cce.Verification;

/// <summary>
/// Fresh random inputs of one case, a pure function of its seed (<see cref="SyntheticValues"/>), in the element type
/// and widened to fp64 for the reference.
/// </summary>
internal sealed class VerificationInputs<TElement>
    where TElement : unmanaged
{
    private VerificationInputs(LossDescription description, VerificationCase shape, int seed)
    {
        ulong key = (ulong)(uint)seed;
        int d = description.HiddenSize;
        Rows = shape.Rows;
        Catalog = shape.Catalog;

        // Entries of ±s with s chosen so a logit has a standard deviation of about 2: a realistic softmax spread.
        float scale = (float)Math.Pow(36.0 / d, 0.25);
        Hidden = HostElements.FromFloats<TElement>(Symmetric(key, SyntheticValues.Hidden, Rows * d, scale));
        Items = HostElements.FromFloats<TElement>(Symmetric(key, SyntheticValues.Items, Catalog * d, scale));
        HiddenExact = HostElements.ToDoubles(Hidden);
        ItemsExact = HostElements.ToDoubles(Items);

        Targets = new int[Rows];
        int firstValid = SyntheticValues.Below(key, SyntheticValues.Scalars, 0, Rows);
        for (int n = 0; n < Rows; n++)
        {
            bool ignored = n != firstValid && SyntheticValues.Chance(key, SyntheticValues.Targets, n, shape.IgnoredFraction);
            Targets[n] = ignored ? description.IgnoreIndex : SyntheticValues.Below(key, SyntheticValues.Targets, n, Catalog);
        }

        SamplingSeed = SyntheticValues.Bits(key, SyntheticValues.Scalars, 1);
        SamplingStep = (ulong)SyntheticValues.Below(key, SyntheticValues.Scalars, 2, 1000);
        float upstreamScale = (float)shape.UpstreamScale;
        Upstream = (0.5f + ((float)SyntheticValues.Unit(key, SyntheticValues.Scalars, 3) * 1.5f)) * upstreamScale;
        UpstreamPerRow = [.. Symmetric(key, SyntheticValues.Scalars + 1, Rows, 1f).Select(u => (1.25f + u) * upstreamScale)];
    }

    public int Rows { get; }

    public int Catalog { get; }

    public TElement[] Hidden { get; }

    public TElement[] Items { get; }

    public double[] HiddenExact { get; }

    public double[] ItemsExact { get; }

    public int[] Targets { get; }

    /// <summary>Seed of the scheme's negatives: of the in-kernel draws, or of the caller-given ones.</summary>
    public ulong SamplingSeed { get; }

    public ulong SamplingStep { get; }

    public float Upstream { get; }

    public float[] UpstreamPerRow { get; }

    public static VerificationInputs<TElement> Create(LossDescription description, VerificationCase shape, int seed) => new(description, shape, seed);

    private static float[] Symmetric(ulong seed, ulong stream, int count, float scale)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = SyntheticValues.Symmetric(seed, stream, i) * scale;
        }

        return values;
    }
}
