using Cce.Runtime.Tests.Infrastructure;
using Xunit;
using Xunit.Abstractions;

namespace Cce.Runtime.Tests.Losses;

/// <summary>
/// SPEC §5: NaN or ∞ inside H or W is data, not a validation error: it must surface as a non-finite loss of the rows
/// it touches (never a silent 0 that a running max or a masked sum could produce), and <c>CheckFinite</c> names the
/// first such row.
/// </summary>
[Collection("cpu")]
public sealed class NonFiniteInputTests(CpuDeviceFixture fixture, ITestOutputHelper output)
{
    private CceDevice Device => fixture.Device;

    [Fact]
    public void NaNInAHiddenRowMakesThatRowAndTheReducedLossNaN()
    {
        using SampledTestLoss loss = SampledTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        const int row = 4;
        MakeValid(batch, row);
        float[] hidden = (float[])batch.HiddenHost.Clone();
        hidden[(row * 16) + 5] = float.NaN;
        batch.Hidden.CopyFrom(hidden);

        LossResult result = loss.Forward(batch.Hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step);

        Assert.True(float.IsNaN(result.Loss), $"reduced loss {result.Loss}");
        AssertOnlyRowNonFinite(result.RowLoss.ToArray(), row, expectNaN: true);
    }

    [Fact]
    public void NaNInAHiddenRowPropagatesThroughTheFusedPass()
    {
        using SampledTestLoss loss = SampledTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        const int row = 4;
        MakeValid(batch, row);
        float[] hidden = (float[])batch.HiddenHost.Clone();
        hidden[(row * 16) + 5] = float.NaN;
        batch.Hidden.CopyFrom(hidden);

        LossResult result = loss.ForwardBackward(batch.Hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step, batch.GradHidden, batch.GradItems);

        Assert.True(float.IsNaN(result.Loss), $"reduced loss {result.Loss}");
        AssertOnlyRowNonFinite(result.RowLoss.ToArray(), row, expectNaN: true);
        Assert.All(batch.GradHidden.ToArray().AsSpan(row * 16, 16).ToArray(), v => Assert.True(float.IsNaN(v)));
        Assert.Contains(batch.GradItems.ToArray(), float.IsNaN);
    }

    [Fact]
    public void CheckFiniteNamesTheFirstRowWithANaNHiddenState()
    {
        using SampledTestLoss loss = SampledTestLoss.Create(Device);
        loss.CheckFinite = true;
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        const int first = 2, second = 9;
        MakeValid(batch, first, second);
        float[] hidden = (float[])batch.HiddenHost.Clone();
        hidden[second * 16] = float.NaN;
        hidden[(first * 16) + 15] = float.NaN;
        batch.Hidden.CopyFrom(hidden);

        var exception = Assert.Throws<NonFiniteLossException>(() => loss.Forward(batch.Hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step));

        Assert.Equal(first, exception.Row);
        Assert.True(float.IsNaN(exception.Value));
        Assert.Contains($"Row {first}", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InfinityInAPositiveItemMakesItsRowAndTheReducedLossNonFinite()
    {
        // Explicit negatives keep the poisoned item out of every other row, so exactly one row is affected.
        using ExplicitTestLoss loss = ExplicitTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        const int row = 6;
        MakeValid(batch, row);
        int item = batch.TargetsHost[row];
        int[] targets = Array.ConvertAll(batch.TargetsHost, t => t == item ? (item + 1) % batch.Catalog : t);
        targets[row] = item;
        int[] negatives = Array.ConvertAll(batch.NegativesHost, j => j == item ? (item + 1) % batch.Catalog : j);
        float[] items = (float[])batch.ItemsHost.Clone();
        items[(item * 16) + 3] = float.PositiveInfinity;
        batch.Targets.CopyFrom(targets);
        batch.Negatives!.CopyFrom(negatives);
        batch.Items.CopyFrom(items);

        LossResult result = loss.Forward(batch.Hidden, batch.Items, batch.Targets, batch.Negatives);
        Assert.False(float.IsFinite(result.Loss), $"reduced loss {result.Loss}");
        AssertOnlyRowNonFinite(result.RowLoss.ToArray(), row, expectNaN: false);

        loss.CheckFinite = true;
        var exception = Assert.Throws<NonFiniteLossException>(() => loss.Forward(batch.Hidden, batch.Items, batch.Targets, batch.Negatives));
        Assert.Equal(row, exception.Row);
    }

    // The random batch ignores some rows; the rows a test poisons must count.
    private static void MakeValid(TestBatch batch, params int[] rows)
    {
        foreach (int row in rows)
        {
            if (batch.TargetsHost[row] == batch.Description.IgnoreIndex)
            {
                batch.TargetsHost[row] = row % batch.Catalog;
            }
        }

        batch.Targets.CopyFrom(batch.TargetsHost);
    }

    private static void AssertOnlyRowNonFinite(float[] rowLoss, int row, bool expectNaN)
    {
        for (int n = 0; n < rowLoss.Length; n++)
        {
            if (n == row)
            {
                Assert.True(expectNaN ? float.IsNaN(rowLoss[n]) : !float.IsFinite(rowLoss[n]), $"row {n}: loss {rowLoss[n]}");
            }
            else
            {
                Assert.True(float.IsFinite(rowLoss[n]), $"row {n}: loss {rowLoss[n]} should be finite");
            }
        }
    }
}
