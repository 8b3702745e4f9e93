using Cce.Runtime.Tests.Infrastructure;
using Xunit;

namespace Cce.Runtime.Tests.Tuning;

/// <summary>The device runner on ILGPU's CPU accelerator: real kernels, checked against the fp64 reference.</summary>
[Collection("cpu")]
public sealed class DeviceRunnerTests(CpuDeviceFixture fixture)
{
    private static readonly TimingPlan Quick = new(1, 2, 2, 2, 0.02);

    [Theory]
    [InlineData(5, 37)]
    [InlineData(16, 200)]
    public void DeclaredCandidatesAgreeWithTheReferenceAndAreTimed(int rows, int catalog)
    {
        foreach (LossCandidates loss in (LossCandidates[])[LossCandidates.Of<TinyTuneLoss>(), LossCandidates.Of<TinyExplicitLoss>()])
        {
            using var runner = new DeviceCandidateRunner(fixture.Device, loss.Description, loss.Variants, rows, catalog, (ulong)Random.Shared.NextInt64(1, long.MaxValue));
            TuningOutcome outcome = Autotuner.Run(runner, loss.Tiles, loss.DefaultVariant, Quick, null);
            Assert.All(outcome.Results, r => Assert.True(r.Status == CandidateStatus.Ok, $"{loss.Name} {r.Tile}: {r.Reason}"));
            Assert.False(outcome.PickIsDefault);
        }
    }
}
