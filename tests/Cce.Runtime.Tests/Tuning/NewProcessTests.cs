using Xunit;

namespace Cce.Runtime.Tests.Tuning;

/// <summary>A pick stored by one process is used by the next one without timing anything.</summary>
public sealed class NewProcessTests : IDisposable
{
    private readonly TempCache temp = new();

    [Fact]
    public void ASecondProcessCreatingTheSameLossHitsTheCacheAndTimesNothing()
    {
        string[] first = StressProcesses.Output("tune", temp.Root);
        string[] second = StressProcesses.Output("tune", temp.Root);

        Assert.Contains(first, l => l.Contains("cache miss, timing 2 candidates", StringComparison.Ordinal));
        Assert.Contains(first, l => l.Contains("picked", StringComparison.Ordinal));
        Assert.Contains(second, l => l.Contains("cache hit", StringComparison.Ordinal));
        Assert.DoesNotContain(second, l => l.Contains("timing", StringComparison.Ordinal) || l.Contains("screen", StringComparison.Ordinal));
        Assert.Equal(first[^1].Split(' ')[1], second[^1].Split(' ')[1]);
        Assert.Single(temp.Cache.List());
    }

    public void Dispose() => temp.Dispose();
}
