using Cce.Tuning;

namespace Cce.Runtime.Tests.Tuning;

/// <summary>What a scripted candidate does at each stage.</summary>
internal sealed record ScriptedCandidate(double MedianMs, string? WrongAnswer = null, bool ThrowsOnLoad = false, bool ThrowsOnLaunch = false);

/// <summary>
/// A runner whose candidates follow a script: fixed failures, and times around a median with seeded noise,
/// so selection logic is tested without kernels or wall time. Counts what it was asked to do.
/// </summary>
internal sealed class ScriptedRunner(IReadOnlyList<ScriptedCandidate> script, double noise = 0, int seed = 0) : ICandidateRunner
{
    private readonly Random random = new(seed);

    public int Loads { get; private set; }

    public int Checks { get; private set; }

    public int TimedSeries { get; private set; }

    public void Load(int candidate)
    {
        Loads++;
        if (script[candidate].ThrowsOnLoad)
        {
            throw new InvalidOperationException("scripted compile error");
        }
    }

    public string? Check(int candidate)
    {
        Checks++;
        return script[candidate].ThrowsOnLaunch ? throw new InvalidOperationException("scripted launch failure") : script[candidate].WrongAnswer;
    }

    public IReadOnlyList<double> Time(int candidate, int warmups, int repetitions)
    {
        TimedSeries++;
        return [.. Enumerable.Range(0, repetitions).Select(_ => script[candidate].MedianMs * (1 + (noise * ((2 * random.NextDouble()) - 1))))];
    }

    public void Dispose()
    {
    }
}
