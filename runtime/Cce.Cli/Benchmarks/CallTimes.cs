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
    /// Warm-up: at least this long of untimed calls after the first. .NET runs the host side of a call (validation,
    /// launches) unoptimised for its first few dozen calls and recompiles it in the background: a call of a few hundred
    /// microseconds pays up to a hundred more until then, which no training step past the first second pays.
    /// </summary>
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(0.4);

    /// <summary>
    /// Untimed calls however long they take: the first compiles the kernels and sizes the workspace, and is not counted
    /// in <see cref="WarmUp"/>.
    /// </summary>
    private const int MinWarmUpCalls = 2;

    /// <summary>
    /// Calls <paramref name="call"/> untimed for at least <see cref="MinWarmUpCalls"/> steps and <see cref="WarmUp"/>,
    /// then <paramref name="repetitions"/> more steps timed: the steady state of a training loop. Each step is its own
    /// argument so that a sampled loss draws new negatives each time, as in training.
    /// </summary>
    public static CallTimes Measure(int repetitions, Action<ulong> call)
    {
        ulong step = 0;
        call(step++);
        long warmUpStart = Stopwatch.GetTimestamp();
        while (step < MinWarmUpCalls || Stopwatch.GetElapsedTime(warmUpStart) < WarmUp)
        {
            call(step++);
        }

        var times = new double[repetitions];
        for (int i = 0; i < repetitions; i++)
        {
            long start = Stopwatch.GetTimestamp();
            call(step++);
            times[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }

        Array.Sort(times);
        return new CallTimes(times);
    }
}
