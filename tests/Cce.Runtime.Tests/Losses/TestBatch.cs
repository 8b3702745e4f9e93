using Cce.Kernels;
using Cce.Reference;
using Cce.Runtime.Tests.Infrastructure;
using Cce.Verification;
using Xunit;

namespace Cce.Runtime.Tests.Losses;

/// <summary>
/// A valid fp32 batch for one of the test losses on a device, with its host copies, output buffers and
/// the fp64 reference: the starting point that the validation and behaviour tests break or vary one piece of.
/// </summary>
public sealed class TestBatch : IDisposable
{
    /// <summary>Rows N: not a multiple of any tile.</summary>
    public const int DefaultRows = 13;

    /// <summary>Catalog size V: small enough for accidental hits, large enough for distinct draws.</summary>
    public const int DefaultCatalog = 29;

    /// <summary>Seed and step of the in-kernel sampler.</summary>
    public const ulong Seed = 0x5EED, Step = 3;

    private const int Ignore = -100;

    /// <summary>Random inputs for <paramref name="description"/>, with ignored rows, accidental hits and duplicates.</summary>
    public TestBatch(CceDevice device, LossDescription description, RandomData data, int rows = DefaultRows, int catalog = DefaultCatalog)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(data);
        Description = description;
        Rows = rows;
        Catalog = catalog;
        int d = description.HiddenSize;
        int k = description.NegativesPerRow(rows, catalog);
        HiddenHost = data.Embeddings(rows * d);
        ItemsHost = data.Embeddings(catalog * d);
        TargetsHost = data.Targets(rows, catalog, Ignore);
        NegativesHost = description.Scheme switch
        {
            NegativeScheme.Explicit => data.Negatives(TargetsHost, k, catalog),
            NegativeScheme.FullCatalog => Enumerable.Range(0, rows * k).Select(i => i % k).ToArray(),
            NegativeScheme.InBatch => Enumerable.Range(0, rows * k).Select(i => Peer(TargetsHost, i / k, i % k, k)).ToArray(),
            NegativeScheme.SharedUniform => Enumerable.Range(0, rows * k).Select(i => UniformSampler.Draw(Seed, Step, i / k / description.GroupSize(rows), i % k, catalog)).ToArray(),
            _ => Enumerable.Range(0, rows * k).Select(i => UniformSampler.Draw(Seed, Step, i / k, i % k, catalog)).ToArray(),
        };

        Hidden = device.Upload<float>(HiddenHost, rows, d);
        Items = device.Upload<float>(ItemsHost, catalog, d);
        Targets = device.Upload<int>(TargetsHost, rows, 1);
        Negatives = description.Scheme == NegativeScheme.Explicit ? device.Upload<int>(NegativesHost, rows, k) : null;
        GradHidden = device.Allocate<float>(rows, d);
        GradItems = device.Allocate<float>(catalog, d);
        Reference = ReferenceLoss.Compute(description, Widen(HiddenHost), Widen(ItemsHost), TargetsHost, NegativesHost, catalog);
        Lse = device.Upload<float>(Array.ConvertAll(Reference.Lse, v => (float)v), rows, 1);
    }

    /// <summary>In-batch slot <paramref name="slot"/> of <paramref name="row"/>: its peer's positive, or the row's own (masked) when the peer is past the batch or ignored.</summary>
    private static int Peer(int[] targets, int row, int slot, int groupRows)
    {
        int peer = (row / groupRows * groupRows) + slot;
        return peer < targets.Length && targets[peer] >= 0 ? targets[peer] : Math.Max(targets[row], 0);
    }

    /// <summary>What the loss was specialised on.</summary>
    public LossDescription Description { get; }

    /// <summary>Rows N.</summary>
    public int Rows { get; }

    /// <summary>Catalog size V.</summary>
    public int Catalog { get; }

    /// <summary>H, [N, D] row-major.</summary>
    public float[] HiddenHost { get; }

    /// <summary>W, [V, D] row-major.</summary>
    public float[] ItemsHost { get; }

    /// <summary>Targets, [N], some of them the ignore index.</summary>
    public int[] TargetsHost { get; }

    /// <summary>The negatives of every row: the explicit ones, or the host's copy of the in-kernel draws.</summary>
    public int[] NegativesHost { get; }

    /// <summary>H on the device.</summary>
    public CceTensor<float> Hidden { get; }

    /// <summary>W on the device.</summary>
    public CceTensor<float> Items { get; }

    /// <summary>Targets on the device.</summary>
    public CceTensor<int> Targets { get; }

    /// <summary>Explicit negatives on the device, or null for a sampled loss.</summary>
    public CceTensor<int>? Negatives { get; }

    /// <summary>Receives dH.</summary>
    public CceTensor<float> GradHidden { get; }

    /// <summary>Receives dW.</summary>
    public CceTensor<float> GradItems { get; }

    /// <summary>The reference log-sum-exp, as a backward pass takes it.</summary>
    public CceTensor<float> Lse { get; }

    /// <summary>The fp64 reference with upstream 1.</summary>
    public ReferenceResult Reference { get; }

    /// <summary>The negatives as the loss's scheme takes them.</summary>
    public NegativeSource Source => Negatives is null ? NegativeSource.Sampled(Seed, Step) : NegativeSource.FromTensor(Negatives);

    /// <summary>The host negatives as the host-array overloads take them (none for a sampled loss).</summary>
    public int[] HostNegatives => Negatives is null ? [] : NegativesHost;

    /// <summary>fp32 values widened for the reference and the error measure.</summary>
    public static double[] Widen(float[] values) => Array.ConvertAll(values, v => (double)v);

    /// <summary>Fills dH and dW with a pattern no kernel writes, to prove later that a rejected call left them alone.</summary>
    public void Poison()
    {
        GradHidden.CopyFrom(PoisonPattern(GradHidden.Length));
        GradItems.CopyFrom(PoisonPattern(GradItems.Length));
    }

    /// <summary>Asserts that dH and dW still hold the pattern of <see cref="Poison"/>.</summary>
    public void AssertPoisonIntact()
    {
        Assert.Equal(PoisonPattern(GradHidden.Length), GradHidden.ToArray());
        Assert.Equal(PoisonPattern(GradItems.Length), GradItems.ToArray());
    }

    /// <summary>Runs a valid fused pass on <paramref name="loss"/> and asserts it matches the reference within the documented tolerances.</summary>
    public void AssertComputesReference(CatalogLoss<float, float> loss)
    {
        ArgumentNullException.ThrowIfNull(loss);
        Poison();
        LossResult result = loss.ForwardBackward(Hidden, Items, Targets, Source, GradHidden, GradItems);
        var tolerance = Tolerance.For(Description);
        Assert.InRange(Math.Abs(result.Loss - Reference.Loss), 0, tolerance.Loss * Math.Abs(Reference.Loss));
        Assert.Equal(Reference.ValidRows, result.ValidRows);
        AssertClose(result.Lse.ToArray(), Reference.Lse, tolerance.Lse, "lse");
        AssertClose(GradHidden.ToArray(), Reference.GradHidden, tolerance.GradHidden, "dH");
        AssertClose(GradItems.ToArray(), Reference.GradItems, tolerance.GradItems, "dW");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Hidden.Dispose();
        Items.Dispose();
        Targets.Dispose();
        Negatives?.Dispose();
        GradHidden.Dispose();
        GradItems.Dispose();
        Lse.Dispose();
    }

    private static void AssertClose(float[] actual, double[] expected, double bound, string quantity)
    {
        double error = LossVerifier.VectorError(Widen(actual), expected);
        Assert.True(error <= bound, $"{quantity}: relative error {error:E2} exceeds {bound:E0}");
    }

    // Finite, distinct per element, and far from anything a loss or gradient of these inputs could be.
    private static float[] PoisonPattern(long length) => Enumerable.Range(0, (int)length).Select(i => -1e6f - i).ToArray();
}
