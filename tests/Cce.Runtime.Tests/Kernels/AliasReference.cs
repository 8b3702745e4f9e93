using Xunit;

namespace Cce.Runtime.Tests.Kernels;

/// <summary>Host references for the alias table: the sequential sweep construction, mass reconstruction and test counts.</summary>
internal static class AliasReference
{
    /// <summary>One bucket in mass units.</summary>
    public const long Unit = 1L << 31;

    /// <summary>
    /// The classic sequential sweep: lights (m &lt; 2^31) and heavies each in item order; the current heavy serves lights
    /// while its residual exceeds one bucket, then keeps its residual as its own threshold and takes the rest of its
    /// bucket from the next heavy, whose residual shrinks by that much. The last heavy keeps its whole bucket.
    /// </summary>
    public static int[] Sweep(IReadOnlyList<long> masses)
    {
        int catalog = masses.Count;
        var lights = new List<int>();
        var heavies = new List<int>();
        for (int j = 0; j < catalog; j++)
        {
            (masses[j] < Unit ? lights : heavies).Add(j);
        }

        var table = new int[2 * catalog];
        int k = 0;
        long residual = masses[heavies[0]];
        foreach (int light in lights)
        {
            while (residual <= Unit && k < heavies.Count - 1)
            {
                Close();
            }

            Assert.True(residual > Unit, $"the heavies ran out before light {light}");
            table[2 * light] = (int)masses[light];
            table[(2 * light) + 1] = heavies[k];
            residual -= Unit - masses[light];
        }

        while (k < heavies.Count - 1)
        {
            Close();
        }

        Assert.Equal(Unit, residual);
        int last = heavies[k];
        table[2 * last] = unchecked((int)residual);
        table[(2 * last) + 1] = last;
        return table;

        void Close()
        {
            int heavy = heavies[k];
            table[2 * heavy] = unchecked((int)residual);
            table[(2 * heavy) + 1] = heavies[k + 1];
            residual = masses[heavies[k + 1]] - (Unit - residual);
            k++;
        }
    }

    /// <summary>Each item's total mass under a table: its own bucket's threshold plus the rest of every bucket that aliases it.</summary>
    public static long[] Reconstruct(int[] table)
    {
        int catalog = table.Length / 2;
        var masses = new long[catalog];
        for (int b = 0; b < catalog; b++)
        {
            long threshold = (uint)table[2 * b];
            int alias = table[(2 * b) + 1];
            Assert.InRange(threshold, 0, Unit);
            Assert.InRange(alias, 0, catalog - 1);
            masses[b] += threshold;
            masses[alias] += Unit - threshold;
        }

        return masses;
    }

    /// <summary>Named count vectors for the construction tests.</summary>
    public static float[] Counts(string shape, int catalog, Random random)
    {
        var counts = new float[catalog];
        for (int j = 0; j < catalog; j++)
        {
            counts[j] = shape switch
            {
                "equal" => 3f,
                "dominant" => j == catalog / 2 ? 1e30f : 1 + random.Next(10),
                "zeros" => random.NextDouble() < 0.9 ? 0f : (float)(random.NextDouble() * 1000),
                "zipf" => j % 7 == 3 ? 0f : (float)(1e6 / (j + 1)),
                "tiny" => j == 0 ? 1e38f : float.Epsilon * (1 + random.Next(4)),
                _ => (float)(random.NextDouble() * 100),
            };
        }

        if (shape == "zeros" && Array.TrueForAll(counts, c => c == 0f))
        {
            counts[random.Next(catalog)] = 1f;
        }

        return counts;
    }

    /// <summary>q_j = (c_j / max c)^α / Σ, in double, straight from the definition.</summary>
    public static double[] Probabilities(float[] counts, double exponent)
    {
        double largest = counts.Max();
        double[] weights = [.. counts.Select(c => exponent == 0 ? 1.0 : c == 0 ? 0.0 : Math.Pow(c / largest, exponent))];
        double sum = weights.Sum();
        return [.. weights.Select(w => w / sum)];
    }
}
