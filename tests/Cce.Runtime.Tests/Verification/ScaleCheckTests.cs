using Cce.Runtime.Tests.Infrastructure;
using Cce.Runtime.Tests.Losses;
using Cce.Verification;
using Cce.Verification.Losses;
using Xunit;
using Xunit.Abstractions;

namespace Cce.Runtime.Tests.Verification;

/// <summary>The check at training scale, run here at the largest shapes the CPU accelerator takes in a test.</summary>
[Collection("cpu")]
public sealed class ScaleCheckTests(CpuDeviceFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public void TheSortedPipelinePassesOnSampledRowsAndDwRows()
    {
        using SortedTestLoss loss = SortedTestLoss.Create(fixture.Device);
        int seed = new RandomData(output).Random.Next();

        ScaleCheckResult result = ScaleCheck.Run(loss, nameof(SortedTestLoss), rows: 6000, catalog: 700, seed, sampleRows: 48, rowBudget: 400);

        output.WriteLine(result.ToString());
        Assert.True(result.Passed, result.Failure);
        Assert.InRange(result.CheckedRows, 40, 48);
        Assert.True(result.CheckedItems >= 1 && result.ContributingRows >= 1);
        Assert.InRange(result.GradItemsError, 0, 1e-5);
    }

    [Fact]
    public void AnFp16GradientOfALargeMeanSitsAmongSubnormalsAndIsJudgedBeyondItsRounding()
    {
        LossEntry entry = VerificationLosses.All.Single(e => e.ShortName == "UniformPerRowF16NoneMeanLoss");
        using CatalogLoss loss = entry.Create(fixture.Device, KernelPlan.Fixed(entry.Portable));
        int seed = new RandomData(output).Random.Next();

        ScaleCheckResult result = loss.Accept(new Check(seed));

        output.WriteLine(result.ToString());
        Assert.True(result.Passed, result.Failure);
        Assert.True(result.SubnormalGradHidden > 0.5, $"expected most of the dH values subnormal at N = 40000; got {result.SubnormalGradHidden:P1}");
        Assert.True(result.GradHiddenRawError > result.GradHiddenError);
    }

    [Fact]
    public void AFullCatalogLossPassesOnSampledRowsAndDwRowsOverTheWholeBatch()
    {
        LossEntry entry = VerificationLosses.All.Single(e => e.ShortName == nameof(FullCatalogF16MeanLoss));
        using CatalogLoss loss = entry.Create(fixture.Device, KernelPlan.Fixed(entry.Portable));
        int seed = new RandomData(output).Random.Next();

        ScaleCheckResult result = loss.Accept(new FullCheck(seed));

        output.WriteLine(result.ToString());
        Assert.True(result.Passed, result.Failure);
        Assert.InRange(result.CheckedRows, 10, 16);
        Assert.InRange(result.CheckedItems, 2, 8);
        Assert.True(result.ContributingRows >= result.CheckedItems * 2000, $"every valid row feeds every dW row; got {result.ContributingRows}");
        Assert.InRange(result.LseError, 0, 1e-6);
        Assert.InRange(result.GradItemsError, 0, 1e-3);
    }

    [Theory]
    [InlineData(nameof(SharedUniformF32MeanLoss))]
    [InlineData(nameof(SharedUniformF16LogQSumLoss))]
    [InlineData(nameof(InBatchF32MeanLoss))]
    [InlineData(nameof(InBatchF16LogQSumLoss))]
    public void ASharedSetLossPassesOnSampledRowsAndDwRowsOverTheWholeBatch(string name)
    {
        LossEntry entry = VerificationLosses.All.Single(e => e.ShortName == name);
        using CatalogLoss loss = entry.Create(fixture.Device, KernelPlan.Fixed(entry.Portable));
        int seed = new RandomData(output).Random.Next();

        ScaleCheckResult result = loss.Accept(new SharedCheck(name, seed));

        output.WriteLine(result.ToString());
        Assert.True(result.Passed, result.Failure);
        Assert.InRange(result.CheckedRows, 10, 16);
        Assert.InRange(result.CheckedItems, 2, 8);
        Assert.InRange(result.LseError, 0, 1e-6);
        Assert.InRange(result.GradItemsError, 0, 1e-3);
    }

    [Fact]
    public void ALossWhoseDrawsTheHostCannotRegenerateIsRefused()
    {
        using ExplicitTestLoss loss = ExplicitTestLoss.Create(fixture.Device);
        var exception = Assert.Throws<ArgumentException>(() => ScaleCheck.Run(loss, nameof(ExplicitTestLoss), 10, 10, 1));
        Assert.Equal("loss", exception.ParamName);
    }

    private sealed class FullCheck(int seed) : ICatalogLossVisitor<ScaleCheckResult>
    {
        public ScaleCheckResult Visit<TElement, TGrad>(CatalogLoss<TElement, TGrad> loss)
            where TElement : unmanaged
            where TGrad : unmanaged => ScaleCheck.Run(loss, nameof(FullCatalogF16MeanLoss), rows: 2500, catalog: 300, seed, sampleRows: 16);
    }

    private sealed class SharedCheck(string name, int seed) : ICatalogLossVisitor<ScaleCheckResult>
    {
        // 1500 rows: an in-batch loss of one group has 1500 slots per row; 5 % of the rows are ignored.
        public ScaleCheckResult Visit<TElement, TGrad>(CatalogLoss<TElement, TGrad> loss)
            where TElement : unmanaged
            where TGrad : unmanaged => ScaleCheck.Run(loss, name, rows: 1500, catalog: 400, seed, sampleRows: 16);
    }

    private sealed class Check(int seed) : ICatalogLossVisitor<ScaleCheckResult>
    {
        public ScaleCheckResult Visit<TElement, TGrad>(CatalogLoss<TElement, TGrad> loss)
            where TElement : unmanaged
            where TGrad : unmanaged => ScaleCheck.Run(loss, "UniformPerRowF16NoneMeanLoss", rows: 40_000, catalog: 900, seed, sampleRows: 32, rowBudget: 300);
    }
}
