using Cce.Runtime.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Cce.Runtime.Tests.Losses;

/// <summary>
/// SPEC §3: the negatives are a pure function of (seed, step, row, slot), and the loss is reduced in a fixed order,
/// so repeating a call repeats its result bit for bit, while the next step draws other negatives. (dW is accumulated
/// with atomics in whatever order rows finish, so only its values, not its bits, are repeatable.)
/// </summary>
[Collection("cpu")]
public sealed class DeterminismTests(CpuDeviceFixture fixture, ITestOutputHelper output)
{
    private CceDevice Device => fixture.Device;

    [Fact]
    public void SameSeedAndStepGiveBitwiseIdenticalLossAndGradHidden()
    {
        using SampledTestLoss loss = SampledTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        (float Loss, float[] RowLoss, float[] Lse, float[] GradHidden) Run()
        {
            batch.Poison();
            LossResult r = loss.ForwardBackward(batch.Hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step, batch.GradHidden, batch.GradItems);
            return (r.Loss, r.RowLoss.ToArray(), r.Lse.ToArray(), batch.GradHidden.ToArray());
        }

        var first = Run();
        var second = Run();

        Assert.Equal(BitConverter.SingleToInt32Bits(first.Loss), BitConverter.SingleToInt32Bits(second.Loss));
        Assert.Equal(Bits(first.RowLoss), Bits(second.RowLoss));
        Assert.Equal(Bits(first.Lse), Bits(second.Lse));
        Assert.Equal(Bits(first.GradHidden), Bits(second.GradHidden));
    }

    [Fact]
    public void AnotherStepOrSeedDrawsOtherNegatives()
    {
        using SampledTestLoss loss = SampledTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        (float Loss, float[] Lse) Run(ulong seed, ulong step)
        {
            LossResult r = loss.Forward(batch.Hidden, batch.Items, batch.Targets, seed, step);
            return (r.Loss, r.Lse.ToArray());
        }

        var baseline = Run(TestBatch.Seed, TestBatch.Step);
        var nextStep = Run(TestBatch.Seed, TestBatch.Step + 1);
        var otherSeed = Run(TestBatch.Seed + 1, TestBatch.Step);

        // Every valid row draws anew; with V = 29 and K = 3 some row is bound to draw differently, and its LSE changes.
        Assert.NotEqual(baseline.Loss, nextStep.Loss);
        Assert.NotEqual(Bits(baseline.Lse), Bits(nextStep.Lse));
        Assert.NotEqual(baseline.Loss, otherSeed.Loss);
        Assert.NotEqual(Bits(baseline.Lse), Bits(otherSeed.Lse));
    }

    private static int[] Bits(float[] values) => Array.ConvertAll(values, BitConverter.SingleToInt32Bits);
}
