using Cce.Runtime.Tests.Infrastructure;
using Cce.Tuning.Cache;
using Cce.Tuning;
using Xunit;

namespace Cce.Runtime.Tests.Tuning;

/// <summary>The device runner on ILGPU's CPU accelerator: real kernels, checked against the fp64 reference.</summary>
[Collection("cpu")]
public sealed class DeviceRunnerTests(CpuDeviceFixture fixture)
{
    /// <summary>Launches on the CPU accelerator take about half a second: one timed launch per candidate.</summary>
    private static readonly TimingPlan Quick = new(0, 1, 1, 1, 0.02);

    [Fact]
    public void DeclaredCandidatesAgreeWithTheReferenceAndAreTimed()
    {
        const int rows = 5, catalog = 37;
        foreach (LossEntry loss in (LossEntry[])[LossEntry.Of<TinyTuneLoss>(), LossEntry.Of<TinyExplicitLoss>()])
        {
            using var runner = new DeviceCandidateRunner(fixture.Device, loss.Description, loss.Variants, rows, catalog, (ulong)Random.Shared.NextInt64(1, long.MaxValue));
            TuningOutcome outcome = Autotuner.Run(runner, loss.Tiles, loss.DefaultVariant, Quick, null);
            Assert.All(outcome.Results, r => Assert.True(r.Status == CandidateStatus.Ok, $"{loss.Name} {r.Tile}: {r.Reason}"));
            Assert.False(outcome.PickIsDefault);
        }
    }
}
