using System.Diagnostics;

namespace Cce.Cli.Benchmarks;

/// <summary>The sorted wall times of a repeated call, and the percentiles every bench row reports.</summary>
internal sealed class CallTimes
{
    private readonly double[] sorted;

    private CallTimes(double[] sorted) => this.sorted = sorted;

    /// <summary>Median milliseconds per call.</summary>
    public double MedianMs => sorted[sorted.Length / 2];

    /// <summary>20th percentile.</summary>
    public double P20Ms => sorted[sorted.Length / 5];

    /// <summary>80th percentile.</summary>
    public double P80Ms => sorted[Math.Min(sorted.Length - 1, sorted.Length * 4 / 5)];

    /// <summary>
    /// Calls <paramref name="call"/> at steps 0 and 1 untimed, then at steps 2 to <paramref name="repetitions"/> + 1
    /// timed: the warm-up calls compile the kernels and size the workspace, which no training step but the first pays.
    /// Each step is its own argument so that a sampled loss draws new negatives each time, as in training.
    /// </summary>
    public static CallTimes Measure(int repetitions, Action<ulong> call)
    {
        call(0);
        call(1);
        var times = new double[repetitions];
        for (int i = 0; i < repetitions; i++)
        {
            long start = Stopwatch.GetTimestamp();
            call((ulong)(i + 2));
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(times);
        return new CallTimes(times);
    }
}
