using Cce.Runtime.Tests.Infrastructure;
using Cce.Runtime.Tests.Losses;
using Xunit.Abstractions;
using Xunit;

namespace Cce.Runtime.Tests.Validation;

/// <summary>
/// SPEC §5: the scheme-neutral entry points of the base class take either source of negatives, so a source that
/// does not fit the loss's scheme must be refused rather than silently ignored.
/// </summary>
[Collection("cpu")]
public sealed class NegativeSourceValidationTests(CpuDeviceFixture fixture, ITestOutputHelper output)
{
    private CceDevice Device => fixture.Device;

    [Fact]
    public void SamplingSeedGivenToAnExplicitLossIsRejected()
    {
        using ExplicitTestLoss loss = ExplicitTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        Rejection.Assert<ArgumentException>(
            loss, batch, () => loss.ForwardBackward(batch.Hidden, batch.Items, batch.Targets, NegativeSource.Sampled(1, 2), batch.GradHidden, batch.GradItems),
            "negatives", "Expected explicit negatives", "got a sampling seed");
    }

    [Fact]
    public void ExplicitNegativesGivenToASampledLossAreRejected()
    {
        using SampledTestLoss loss = SampledTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        using CceTensor<int> negatives = Device.Upload<int>(batch.NegativesHost, batch.Rows, 3);
        Rejection.Assert<ArgumentException>(
            loss, batch, () => loss.ForwardBackward(batch.Hidden, batch.Items, batch.Targets, NegativeSource.FromTensor(negatives), batch.GradHidden, batch.GradItems),
            "negatives", "Expected in-kernel sampling", "got explicit negatives");
    }

    [Fact]
    public void ExplicitNegativesGivenToAFullCatalogLossAreRejected()
    {
        using Cce.Verification.Losses.FullCatalogF32MeanLoss loss = Cce.Verification.Losses.FullCatalogF32MeanLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        using CceTensor<int> negatives = Device.Upload<int>(new int[batch.Rows], batch.Rows, 1);
        Rejection.Assert<ArgumentException>(
            loss, batch, () => loss.ForwardBackward(batch.Hidden, batch.Items, batch.Targets, NegativeSource.FromTensor(negatives), batch.GradHidden, batch.GradItems),
            "negatives", "Expected no negatives for the FullCatalog scheme", "got explicit negatives");
    }
}
