using Cce.Runtime.Tests.Infrastructure;
using Cce.Runtime.Tests.Losses;
using Cce.Verification;
using Xunit;

namespace Cce.Runtime.Tests.Verification;

/// <summary>
/// <see cref="VerificationSuite"/>: several workers, each beyond the first on a device object of its own, report the
/// same cases with the same seeds in the same order as one worker, and a failure inside a worker reaches the caller.
/// </summary>
[Collection("cpu")]
public sealed class VerificationSuiteTests(CpuDeviceFixture fixture)
{
    private static readonly LossEntry[] Losses = [LossEntry.Of<SampledTestLoss>(), LossEntry.Of<ExplicitTestLoss>(), LossEntry.Of<SortedTestLoss>()];

    [Fact]
    public void ParallelWorkersReportWhatOneWorkerReportsInTheSameOrder()
    {
        var reported = new List<VerificationResult>();
        IReadOnlyList<VerificationResult> sequential = VerificationSuite.Run(Losses, fixture.Device, [KernelLayout.Portable], null, new Random(5), _ => { }, workers: 1);
        IReadOnlyList<VerificationResult> parallel = VerificationSuite.Run(Losses, fixture.Device, [KernelLayout.Portable], null, new Random(5), reported.Add, workers: 3);

        Assert.Equal(Losses.Length * VerificationCase.Standard.Count * 3, parallel.Count);
        Assert.Equal(parallel, reported);
        Assert.All(parallel, result => Assert.True(result.Passed, result.Failure));
        Assert.Equal(sequential.Select(Key), parallel.Select(Key));

        // The forward pass is deterministic: the same inputs give the same errors, whichever worker ran them.
        Assert.Equal(
            sequential.Where(r => r.Operation == LossOperation.Forward).Select(r => (r.LossError, r.LseError)),
            parallel.Where(r => r.Operation == LossOperation.Forward).Select(r => (r.LossError, r.LseError)));
    }

    [Fact]
    public void AFailureInAWorkerReachesTheCaller()
    {
        // Worker 0 runs on the caller's device, disposed here: every loss it takes fails, as it would run alone.
        var device = CceDevice.Open(DeviceKind.Cpu);
        device.Dispose();
        Assert.Throws<ObjectDisposedException>(() => VerificationSuite.Run([.. Losses, .. Losses], device, [KernelLayout.Portable], null, new Random(5), _ => { }, workers: 2));
    }

    [Fact]
    public void AReportThatThrowsStopsTheSuiteAtOnce()
    {
        var reported = new List<VerificationResult>();
        Assert.Throws<InvalidOperationException>(() => VerificationSuite.Run(Losses, fixture.Device, [KernelLayout.Portable], null, new Random(5), result =>
        {
            reported.Add(result);
            throw new InvalidOperationException("stop");
        }, workers: 2));
        Assert.Single(reported);
    }

    [Fact]
    public void FewerThanOneWorkerIsRejected() =>
        Assert.Throws<ArgumentOutOfRangeException>("workers", () => VerificationSuite.Run(Losses, fixture.Device, [KernelLayout.Portable], null, new Random(5), _ => { }, workers: 0));

    private static (string, string, string, LossOperation, int) Key(VerificationResult r) => (r.Loss, r.Variant, r.Case, r.Operation, r.Seed);
}
