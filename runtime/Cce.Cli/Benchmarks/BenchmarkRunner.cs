using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Cce.Verification;

namespace Cce.Cli.Benchmarks;

/// <summary>Times the fused pass of one generated fp16 loss on random data of a given shape.</summary>
internal sealed class BenchmarkRunner
{
    private readonly Func<CceDevice, int, int, BenchmarkOptions, string, IEnumerable<BenchmarkResult>> run;
    private readonly Func<CceDevice, int, int, int, ScaleCheckResult> check;

    private BenchmarkRunner(
        LossDescription description, Func<CceDevice, int, int, BenchmarkOptions, string, IEnumerable<BenchmarkResult>> run, Func<CceDevice, int, int, int, ScaleCheckResult> check)
    {
        Description = description;
        this.run = run;
        this.check = check;
    }

    /// <summary>K, D and the element type of the loss.</summary>
    public LossDescription Description { get; }

    public static BenchmarkRunner Of<TLoss>()
        where TLoss : CatalogLoss<Half, Half>, ILossKernels<TLoss> => new(TLoss.Description, Run<TLoss>, Check<TLoss, Half>);

    /// <summary>Checks the preset's loss at N × V against the fp64 reference on sampled rows and dW rows (<see cref="ScaleCheck"/>).</summary>
    public ScaleCheckResult Check(CceDevice device, int rows, int catalog, int seed) => check(device, rows, catalog, seed);

    /// <summary>The scale check of any fp16 loss, whatever the precision of its dH.</summary>
    public static ScaleCheckResult Check<TLoss, TGrad>(CceDevice device, int rows, int catalog, int seed)
        where TLoss : CatalogLoss<Half, TGrad>, ILossKernels<TLoss>
        where TGrad : unmanaged
    {
        using TLoss loss = TLoss.Create(device, LossFactory.Plan<TLoss>(device));
        return ScaleCheck.Run(loss, typeof(TLoss).Name, rows, catalog, seed);
    }

    /// <summary>Times the variant <c>Create(device)</c> picks, or every declared variant when the options ask for all.</summary>
    public IEnumerable<BenchmarkResult> Run(CceDevice device, int rows, int catalog, BenchmarkOptions options, string preset) =>
        run(device, rows, catalog, options, preset);

    private static IEnumerable<BenchmarkResult> Run<TLoss>(CceDevice device, int rows, int catalog, BenchmarkOptions options, string preset)
        where TLoss : CatalogLoss<Half, Half>, ILossKernels<TLoss>
    {
        int d = TLoss.Description.HiddenSize;
        var random = new Random(1);
        using CceTensor<Half> hidden = device.Upload<Half>(RandomInputs.Halves(random, (long)rows * d, RandomInputs.PresetAmplitude), rows, d);
        using CceTensor<Half> items = device.Upload<Half>(RandomInputs.Halves(random, (long)catalog * d, RandomInputs.PresetAmplitude), catalog, d);
        int[] drawn = RandomInputs.Targets(random, rows, catalog);
        using CceTensor<int> targets = device.Upload<int>(drawn, rows, 1);
        using BenchmarkNegatives negatives = BenchmarkNegatives.For(TLoss.Description, device, drawn, catalog);
        using CceTensor<Half> gradHidden = device.Allocate<Half>(rows, d);
        using CceTensor<float> gradItems = device.Allocate<float>(catalog, d);

        IEnumerable<TLoss> losses = options.AllVariants
            ? TLoss.Variants.Where(v => v.RunsOn(device) && (options.Variant is null || v.Name.Contains(options.Variant, StringComparison.OrdinalIgnoreCase))).Select(v => TLoss.Create(device, KernelPlan.Fixed(v)))
            : [TLoss.Create(device, LossFactory.Plan<TLoss>(device))];
        foreach (TLoss loss in losses)
        {
            using (loss)
            {
                yield return Time(loss, hidden, items, targets, negatives, gradHidden, gradItems, options, preset);
            }
        }
    }

    private static BenchmarkResult Time<TLoss>(TLoss loss, CceTensor<Half> hidden, CceTensor<Half> items, CceTensor<int> targets, BenchmarkNegatives negatives, CceTensor<Half> gradHidden, CceTensor<float> gradItems, BenchmarkOptions options, string preset)
        where TLoss : CatalogLoss<Half, Half>
    {
        LossResult? last = null;
        int repetitions = options.Repetitions;
        CallTimes times = CallTimes.Measure(repetitions, step => last = loss.ForwardBackward(hidden, items, targets, negatives.At(step), gradHidden, gradItems));

        IReadOnlyList<StageTime> stages = [];
        if (options.Stages)
        {
            // One more call with a marker after each stage, outside the timed ones: the markers cost a little.
            loss.RecordStages = true;
            loss.ForwardBackward(hidden, items, targets, negatives.At((ulong)(repetitions + 2)), gradHidden, gradItems);
            stages = loss.StageTimes;
            loss.RecordStages = false;
        }

        string? digest = null;
        if (options.Digest)
        {
            loss.ForwardBackward(hidden, items, targets, negatives.At(0), gradHidden, gradItems);
            digest = $"dH {Digest(gradHidden.ToArray())} dW {Digest(gradItems.ToArray())}";
        }

        double median = times.MedianMs;
        LossDescription description = loss.Description;
        // The matrix kernels recompute the logits in the backward pass (logits twice, dH, dW: 8 flops per row, candidate
        // and dimension) over the N·V or N·K products of their slots; the per-row kernels gather K + 1 rows per row and
        // keep their probabilities (6 flops).
        bool matrix = loss.Tile.Family == MatrixTile.FamilyName;
        long gathered = (long)hidden.Rows * (matrix ? description.NegativesPerRow(hidden.Rows, items.Rows) : description.Negatives + 1);
        double flops = (matrix ? 8.0 : 6.0) * gathered * description.HiddenSize;
        long scratch = ((long)hidden.Rows * 2 * sizeof(float)) + loss.WorkspaceBytes;
        string variant = loss.Tile.ToString();
        return new BenchmarkResult(preset, variant, median, times.P20Ms, times.P80Ms, last!.Loss, gathered / (median / 1000), flops / (median / 1000) / 1e12, scratch, stages, digest);
    }

    /// <summary>The first 8 bytes of the SHA-256 of the values' bits, in hex.</summary>
    private static string Digest<T>(T[] values)
        where T : unmanaged =>
        Convert.ToHexString(SHA256.HashData(MemoryMarshal.AsBytes(values.AsSpan())), 0, 8);
}
