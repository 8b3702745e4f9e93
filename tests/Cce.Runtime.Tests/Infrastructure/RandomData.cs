using Xunit.Abstractions;

namespace Cce.Runtime.Tests.Infrastructure;

/// <summary>
/// Fresh random inputs for every run, so repeated runs cover more cases. The seed goes to the test output
/// (shown with a failure) and into assertion messages (<see cref="ToString"/>), so a failure can be replayed
/// with <see cref="RandomData(int)"/>.
/// </summary>
public sealed class RandomData
{
    private readonly Random random;

    /// <summary>A generator seeded from <see cref="Random.Shared"/>.</summary>
    public RandomData()
        : this(Random.Shared.Next())
    {
    }

    /// <summary>A generator seeded from <see cref="Random.Shared"/> that writes its seed to the test output.</summary>
    public RandomData(ITestOutputHelper output)
        : this()
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(ToString());
    }

    /// <summary>A generator with a fixed seed, to replay a failure.</summary>
    public RandomData(int seed)
    {
        Seed = seed;
        random = new Random(seed);
    }

    /// <summary>The seed this generator started from.</summary>
    public int Seed { get; }

    /// <summary>The underlying generator, for draws the helpers do not cover.</summary>
    public Random Random => random;

    /// <summary>
    /// Roughly normal values (sum of uniforms) with standard deviation <paramref name="scale"/> / 2, so almost all lie
    /// within ±<paramref name="scale"/>, like trained embeddings.
    /// </summary>
    public float[] Embeddings(int count, float scale = 0.5f)
    {
        var values = new float[count];
        for (int i = 0; i < values.Length; i++)
        {
            // Irwin–Hall with 3 terms: variance 1/4 around 0, bounded by ±1.5.
            double sum = random.NextDouble() + random.NextDouble() + random.NextDouble() - 1.5;
            values[i] = (float)(sum * scale);
        }

        return values;
    }

    /// <summary>Uniform values in [-<paramref name="bound"/>, <paramref name="bound"/>).</summary>
    public double[] Uniform(int count, double bound)
    {
        var values = new double[count];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (random.NextDouble() * 2 - 1) * bound;
        }

        return values;
    }

    /// <summary>
    /// Targets in [0, <paramref name="catalog"/>), each replaced by <paramref name="ignoreIndex"/> with probability
    /// <paramref name="ignoredFraction"/>; at least one row stays valid.
    /// </summary>
    public int[] Targets(int rows, int catalog, int ignoreIndex, double ignoredFraction = 0.2)
    {
        var targets = new int[rows];
        for (int n = 0; n < rows; n++)
        {
            targets[n] = random.NextDouble() < ignoredFraction ? ignoreIndex : random.Next(catalog);
        }

        if (rows > 0 && Array.TrueForAll(targets, t => t == ignoreIndex))
        {
            targets[random.Next(rows)] = random.Next(catalog);
        }

        return targets;
    }

    /// <summary>
    /// Explicit negatives [rows, negatives] in [0, <paramref name="catalog"/>) that include accidental hits (a
    /// negative equal to the row's target) and duplicates within a row whenever the shape allows it.
    /// </summary>
    public int[] Negatives(int[] targets, int negatives, int catalog)
    {
        int rows = targets.Length;
        var result = new int[rows * negatives];
        for (int i = 0; i < result.Length; i++)
        {
            result[i] = random.Next(catalog);
        }

        for (int n = 0; n < rows; n++)
        {
            if (targets[n] >= 0 && random.NextDouble() < 0.5)
            {
                result[(n * negatives) + random.Next(negatives)] = targets[n];
            }

            if (negatives >= 2 && random.NextDouble() < 0.5)
            {
                int from = random.Next(negatives);
                int to = random.Next(negatives);
                result[(n * negatives) + to] = result[(n * negatives) + from];
            }
        }

        return result;
    }

    /// <inheritdoc />
    public override string ToString() => $"RandomData seed {Seed}";
}
