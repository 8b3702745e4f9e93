using Cce.Tuning.Cache;
using Cce.Tuning;
using Xunit;

namespace Cce.Runtime.Tests.Tuning;

/// <summary>The selection procedure over scripted candidates: failures, ties and finalists.</summary>
public sealed class AutotunerTests
{
    private static readonly TimingPlan Plan = new(1, 5, 2, 9, 0.02);

    private static readonly PerRowTile[] Tiles = [new(1, 1, 1), new(2, 2, 2), new(4, 4, 1), new(4, 8, 2)];

    [Fact]
    public void FailingCandidatesAreRecordedAndTheOthersStillTuned()
    {
        var runner = new ScriptedRunner(
        [
            new(1.0, ThrowsOnLoad: true),
            new(2.0, WrongAnswer: "forward: row 3 loss = 1, reference 2"),
            new(3.0, ThrowsOnLaunch: true),
            new(4.0),
        ]);

        TuningOutcome outcome = Autotuner.Run(runner, Tiles, 0, Plan, null);

        Assert.Equal(3, outcome.Pick);
        Assert.False(outcome.PickIsDefault);
        Assert.Equal([CandidateStatus.Failed, CandidateStatus.Failed, CandidateStatus.Failed, CandidateStatus.Ok], outcome.Results.Select(r => r.Status));
        Assert.Contains("scripted compile error", outcome.Results[0].Reason);
        Assert.StartsWith("wrong answer: forward: row 3", outcome.Results[1].Reason);
        Assert.Contains("scripted launch failure", outcome.Results[2].Reason);
        Assert.Equal(4.0, outcome.Results[3].MedianMs);
    }

    [Fact]
    public void WhenEveryCandidateFailsTheDefaultIsUsedAndSaid()
    {
        var runner = new ScriptedRunner([new(1.0, ThrowsOnLoad: true), new(1.0, WrongAnswer: "lse"), new(1.0, ThrowsOnLaunch: true), new(1.0, WrongAnswer: "dH")]);

        TuningOutcome outcome = Autotuner.Run(runner, Tiles, 2, Plan, null);

        Assert.Equal(2, outcome.Pick);
        Assert.True(outcome.PickIsDefault);
        Assert.All(outcome.Results, r => Assert.Equal(CandidateStatus.Failed, r.Status));
        Assert.Equal(0, runner.TimedSeries);
    }

    [Fact]
    public void NearTiesGoToTheCandidateDeclaredFirstOnEveryRun()
    {
        // Within 1% of each other, with 0.4% noise: the order of the medians changes from run to run.
        ScriptedCandidate[] script = [new(1.010), new(1.000), new(1.004), new(1.300)];
        for (int seed = 0; seed < 50; seed++)
        {
            TuningOutcome outcome = Autotuner.Run(new ScriptedRunner(script, noise: 0.004, seed: seed), Tiles, 3, Plan, null);
            Assert.Equal(0, outcome.Pick);
        }
    }

    [Fact]
    public void AClearlyFasterCandidateWins()
    {
        TuningOutcome outcome = Autotuner.Run(new ScriptedRunner([new(1.0), new(1.0), new(0.9), new(1.2)], noise: 0.004), Tiles, 0, Plan, null);

        Assert.Equal(2, outcome.Pick);
    }

    [Fact]
    public void EveryCandidateIsLoadedBeforeAnyIsTimedAndFinalistsAreTimedAgain()
    {
        var runner = new ScriptedRunner([new(1.0), new(2.0), new(3.0), new(4.0)]);

        TuningOutcome outcome = Autotuner.Run(runner, Tiles, 0, Plan, null);

        Assert.Equal(4, runner.Loads);
        Assert.Equal(4 + Plan.Finalists, runner.TimedSeries);
        Assert.All(outcome.Results, r => Assert.True(r.P20Ms <= r.MedianMs && r.MedianMs <= r.P80Ms));
    }

    [Fact]
    public void PickRuleKeepsEveryTieAmongTheFinalists()
    {
        double[] medians = [1.01, 1.0, 1.005, 1.015, 2.0];
        int[] pool = [0, 1, 2, 3, 4];

        Assert.Equal([0, 1, 2, 3], PickRule.Finalists(medians, pool, 2, 0.02));
        Assert.Equal(0, PickRule.Choose(medians, pool, 0.02));
        Assert.Equal(1, PickRule.Choose(medians, pool, 0.0));
    }
}
