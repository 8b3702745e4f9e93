using Cce.Runtime.Tests.Infrastructure;
using Cce.Verification;
using Xunit;
using Xunit.Abstractions;

namespace Cce.Runtime.Tests.Losses;

/// <summary>
/// <see cref="GradientUpdate.Accumulate"/>: the call's gradients are added to what dH and dW hold, in the fused and the
/// sorted pipelines and with deterministic gradients; ignored rows and items no row touches keep their values bit for
/// bit. (The verification matrix checks Backward this way for every test loss and element type.)
/// </summary>
[Collection("cpu")]
public sealed class GradientAccumulationTests(CpuDeviceFixture fixture, ITestOutputHelper output)
{
    // Rows enough that some are ignored (a fifth on average; none with odds of 1e-6), and more items than rows × (K + 1)
    // draws, so that some items are touched by no row; neither a multiple of any tile.
    private const int Rows = 61, Catalog = 401;

    private CceDevice Device => fixture.Device;

    public static TheoryData<string> Pipelines => ["fused", "sorted", "deterministic"];

    [Theory]
    [MemberData(nameof(Pipelines))]
    public void AnAccumulatingCallAddsItsGradientsToTheOverwritingCalls(string pipeline)
    {
        using CatalogLoss<float, float> loss = Create(pipeline);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output), Rows, Catalog);
        batch.Poison();

        // A whole batch, then half of it again (a second micro-batch scaled by its upstream): 1.5 × the reference.
        loss.ForwardBackward(batch.Hidden, batch.Items, batch.Targets, batch.Source, batch.GradHidden, batch.GradItems);
        loss.ForwardBackward(batch.Hidden, batch.Items, batch.Targets, batch.Source, batch.GradHidden, batch.GradItems, 0.5f, GradientUpdate.Accumulate);

        var tolerance = Tolerance.For(loss.Description);
        AssertClose(batch.GradHidden.ToArray(), Scaled(batch.Reference.GradHidden, 1.5), tolerance.GradHidden, "dH");
        AssertClose(batch.GradItems.ToArray(), Scaled(batch.Reference.GradItems, 1.5), tolerance.GradItems, "dW");
    }

    [Theory]
    [MemberData(nameof(Pipelines))]
    public void IgnoredRowsAndUntouchedItemsKeepWhatTheBuffersHeld(string pipeline)
    {
        var data = new RandomData(output);
        using CatalogLoss<float, float> loss = Create(pipeline);
        using var batch = new TestBatch(Device, loss.Description, data, Rows, Catalog);
        int d = loss.Description.HiddenSize;
        float[] priorHidden = data.Embeddings(Rows * d);
        float[] priorItems = data.Embeddings(Catalog * d);
        batch.GradHidden.CopyFrom(priorHidden);
        batch.GradItems.CopyFrom(priorItems);

        loss.Backward(batch.Hidden, batch.Items, batch.Targets, batch.Source, batch.Lse, batch.GradHidden, batch.GradItems, update: GradientUpdate.Accumulate);

        float[] gradHidden = batch.GradHidden.ToArray();
        float[] gradItems = batch.GradItems.ToArray();
        int[] ignored = Enumerable.Range(0, Rows).Where(n => batch.TargetsHost[n] < 0).ToArray();
        int[] untouched = Enumerable.Range(0, Catalog).Where(v => !Touched(batch).Contains(v)).ToArray();
        Assert.NotEmpty(ignored);
        Assert.NotEmpty(untouched);
        foreach (int n in ignored)
        {
            Assert.Equal(priorHidden.AsSpan(n * d, d).ToArray(), gradHidden.AsSpan(n * d, d).ToArray());
        }

        foreach (int v in untouched)
        {
            Assert.Equal(priorItems.AsSpan(v * d, d).ToArray(), gradItems.AsSpan(v * d, d).ToArray());
        }

        var tolerance = Tolerance.For(loss.Description);
        AssertClose(gradHidden, Plus(priorHidden, batch.Reference.GradHidden), tolerance.GradHidden, "dH");
        AssertClose(gradItems, Plus(priorItems, batch.Reference.GradItems), tolerance.GradItems, "dW");
    }

    private CatalogLoss<float, float> Create(string pipeline) => pipeline switch
    {
        "fused" => ExplicitTestLoss.Create(Device),
        "sorted" => SortedTestLoss.Create(Device),
        _ => DeterministicExplicitTestLoss.Create(Device),
    };

    /// <summary>The items some non-ignored row takes as its positive or a negative.</summary>
    private static HashSet<int> Touched(TestBatch batch)
    {
        int k = batch.Description.Negatives;
        var touched = new HashSet<int>();
        for (int n = 0; n < batch.Rows; n++)
        {
            if (batch.TargetsHost[n] >= 0)
            {
                touched.Add(batch.TargetsHost[n]);
                touched.UnionWith(batch.NegativesHost.AsSpan(n * k, k).ToArray());
            }
        }

        return touched;
    }

    private static double[] Scaled(double[] values, double factor) => Array.ConvertAll(values, v => v * factor);

    private static double[] Plus(float[] prior, double[] gradient) => prior.Select((p, i) => p + gradient[i]).ToArray();

    private static void AssertClose(float[] actual, double[] expected, double bound, string quantity)
    {
        double error = LossVerifier.VectorError(TestBatch.Widen(actual), expected);
        Assert.True(error <= bound, $"{quantity}: relative error {error:E2} exceeds {bound:E0}");
    }
}
