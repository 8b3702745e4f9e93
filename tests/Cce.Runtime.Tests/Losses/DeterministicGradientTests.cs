using Cce.Runtime.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Cce.Runtime.Tests.Losses;

/// <summary>
/// <see cref="CatalogLossAttribute.DeterministicGradients"/>: dH and dW bitwise the same on every call, from every loss
/// object and device object, whatever order the CPU accelerator's threads fill the item segments in, in every chunking;
/// and since each dW row is an exact fixed-point sum, the same even when the rows of a batch are permuted.
/// </summary>
[Collection("cpu")]
public sealed class DeterministicGradientTests(CpuDeviceFixture fixture, ITestOutputHelper output)
{
    // Long segments (N·K / V pairs per item) so that the threads of the fill interleave within a segment.
    private const int Rows = 2000, Catalog = 23;

    private CceDevice Device => fixture.Device;

    [Fact]
    public void RepeatedCallsAndFreshObjectsGiveBitwiseIdenticalGradients()
    {
        var data = new RandomData(output);
        using DeterministicTestLoss loss = DeterministicTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, data, Rows, Catalog);
        batch.AssertComputesReference(loss);
        (int[] GradHidden, int[] GradItems) first = Run(loss, batch);

        for (int repeat = 0; repeat < 3; repeat++)
        {
            AssertBitwiseEqual(first, Run(loss, batch));
        }

        // Another device object and loss object over the same hardware: as a new process would start.
        using CceDevice other = CceDevice.Open(DeviceKind.Cpu);
        using DeterministicTestLoss fresh = DeterministicTestLoss.Create(other);
        using var copy = new TestBatch(other, fresh.Description, new RandomData(data.Seed), Rows, Catalog);
        AssertBitwiseEqual(first, Run(fresh, copy));
    }

    [Fact]
    public void BackwardFromTheSavedLseIsBitwiseRepeatable()
    {
        using DeterministicTestLoss loss = DeterministicTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output), Rows, Catalog);
        using CceTensor<float> lse = loss.Forward(batch.Hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step).Lse.Clone();
        (int[], int[]) Backward()
        {
            batch.Poison();
            loss.Backward(batch.Hidden, batch.Items, batch.Targets, batch.Source, lse, batch.GradHidden, batch.GradItems);
            return (Bits(batch.GradHidden.ToArray()), Bits(batch.GradItems.ToArray()));
        }

        (int[], int[]) first = Backward();
        AssertBitwiseEqual(first, Backward());
        AssertBitwiseEqual(first, Backward());
    }

    [Theory]
    [InlineData(7)]
    [InlineData(300)]
    public void EveryChunkingRepeatsBitwiseAndGivesTheReference(int rowsPerChunk)
    {
        using DeterministicTestLoss loss = DeterministicTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output), Rows, Catalog);

        // Two ints per item, a float per row, a bound, then 2 bytes per pair, K + 1 pairs per row (the positive joins).
        loss.WorkspaceLimit = (2L * (Catalog + 1) * sizeof(int)) + (Rows * sizeof(float)) + sizeof(uint) + (2L * (loss.Description.Negatives + 1) * rowsPerChunk);

        batch.AssertComputesReference(loss);
        AssertBitwiseEqual(Run(loss, batch), Run(loss, batch));
    }

    [Fact]
    public void PermutingTheRowsPermutesDhAndLeavesDwBitwiseUnchanged()
    {
        var data = new RandomData(output);
        using DeterministicExplicitTestLoss loss = DeterministicExplicitTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, data, Rows, Catalog);
        batch.AssertComputesReference(loss);
        (int[] GradHidden, int[] GradItems) original = Run(loss, batch);

        // The same rows in another order: every item's terms are the same numbers, met in another order.
        int d = loss.Description.HiddenSize;
        int k = loss.Description.Negatives;
        int[] order = Enumerable.Range(0, Rows).ToArray();
        new Random(data.Seed).Shuffle(order);
        float[] hidden = new float[Rows * d];
        int[] targets = new int[Rows];
        int[] negatives = new int[Rows * k];
        for (int r = 0; r < Rows; r++)
        {
            Array.Copy(batch.HiddenHost, order[r] * d, hidden, r * d, d);
            targets[r] = batch.TargetsHost[order[r]];
            Array.Copy(batch.NegativesHost, order[r] * k, negatives, r * k, k);
        }

        using CceTensor<float> permutedHidden = Device.Upload<float>(hidden, Rows, d);
        using CceTensor<int> permutedTargets = Device.Upload<int>(targets, Rows, 1);
        using CceTensor<int> permutedNegatives = Device.Upload<int>(negatives, Rows, k);
        loss.ForwardBackward(permutedHidden, batch.Items, permutedTargets, NegativeSource.FromTensor(permutedNegatives), batch.GradHidden, batch.GradItems);

        Assert.Equal(original.GradItems, Bits(batch.GradItems.ToArray()));
        int[] permutedGradHidden = Bits(batch.GradHidden.ToArray());
        for (int r = 0; r < Rows; r++)
        {
            Assert.Equal(original.GradHidden.AsSpan(order[r] * d, d).ToArray(), permutedGradHidden.AsSpan(r * d, d).ToArray());
        }
    }

    [Theory]
    [InlineData(float.NaN)]
    [InlineData(float.PositiveInfinity)]
    [InlineData(float.NegativeInfinity)]
    public void ANonFiniteHiddenStateTurnsExactlyTheDwRowsOfItsItemsNaN(float value)
    {
        using DeterministicExplicitTestLoss loss = DeterministicExplicitTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        int d = loss.Description.HiddenSize;
        int k = loss.Description.Negatives;
        int row = Array.FindIndex(batch.TargetsHost, t => t >= 0);
        float[] hidden = (float[])batch.HiddenHost.Clone();
        hidden[(row * d) + 3] = value;
        batch.Hidden.CopyFrom(hidden);

        loss.ForwardBackward(batch.Hidden, batch.Items, batch.Targets, batch.Source, batch.GradHidden, batch.GradItems);

        // The row's positive and negatives have a term from it in their sums; every other item's row stays finite.
        var touched = new HashSet<int>(batch.NegativesHost.AsSpan(row * k, k).ToArray()) { batch.TargetsHost[row] };
        float[] gradItems = batch.GradItems.ToArray();
        for (int item = 0; item < batch.Catalog; item++)
        {
            float[] gradRow = gradItems.AsSpan(item * d, d).ToArray();
            if (touched.Contains(item))
            {
                Assert.All(gradRow, v => Assert.True(float.IsNaN(v), $"item {item}: {v}"));
            }
            else
            {
                Assert.All(gradRow, v => Assert.True(float.IsFinite(v), $"item {item}: {v}"));
            }
        }
    }

    private static (int[] GradHidden, int[] GradItems) Run<TLoss>(TLoss loss, TestBatch batch)
        where TLoss : CatalogLoss<float, float>
    {
        batch.Poison();
        loss.ForwardBackward(batch.Hidden, batch.Items, batch.Targets, batch.Source, batch.GradHidden, batch.GradItems);
        return (Bits(batch.GradHidden.ToArray()), Bits(batch.GradItems.ToArray()));
    }

    private static void AssertBitwiseEqual((int[] GradHidden, int[] GradItems) expected, (int[] GradHidden, int[] GradItems) actual)
    {
        Assert.Equal(expected.GradHidden, actual.GradHidden);
        Assert.Equal(expected.GradItems, actual.GradItems);
    }

    private static int[] Bits(float[] values) => Array.ConvertAll(values, BitConverter.SingleToInt32Bits);
}
