namespace Cce.Cli.Benchmarks;

/// <summary>
/// The random inputs of the benchmarks, drawn from a seeded generator so that every run times the same data: fp16
/// embeddings uniform in (−a, a) and uniform targets.
/// </summary>
internal static class RandomInputs
{
    /// <summary>
    /// The amplitude of the timing presets' embeddings: logits h·w of std √D·a²/3, about 0.33 at D = 256, so the softmax
    /// is nearly uniform (what the paper's comparison timed).
    /// </summary>
    public const double PresetAmplitude = 0.25;

    /// <summary><paramref name="count"/> halves uniform in (−<paramref name="amplitude"/>, <paramref name="amplitude"/>).</summary>
    public static Half[] Halves(Random random, long count, double amplitude)
    {
        var values = new Half[count];
        for (long i = 0; i < count; i++)
        {
            values[i] = (Half)(float)((random.NextDouble() * 2 - 1) * amplitude);
        }

        return values;
    }

    /// <summary>One positive per row, uniform over the catalog.</summary>
    public static int[] Targets(Random random, int rows, int catalog)
    {
        var targets = new int[rows];
        for (int n = 0; n < rows; n++)
        {
            targets[n] = random.Next(catalog);
        }

        return targets;
    }

    /// <summary>
    /// The amplitude a whose uniform(−a, a) hidden states and items give logits of std <paramref name="logitStd"/>:
    /// each of the D products h·w has variance (a²/3)², so Var(h·w) = D·(a²/3)² and a = √(3σ/√D).
    /// </summary>
    public static double AmplitudeFor(double logitStd, int hiddenSize) => Math.Sqrt(3 * logitStd / Math.Sqrt(hiddenSize));
}
