using System.Collections.Concurrent;
using Cce.Kernels;
using Cce.Reference;
using Cce.Schemes;
using ILGPU.Runtime;

namespace Cce.Verification;

/// <summary>
/// The check at the scale training runs at (N in the tens of thousands, full K, a real catalog), where rounding behaves
/// otherwise than in the small suite: one ForwardBackward call of a uniformly sampled loss on random inputs, against the
/// fp64 reference on a random sample of rows (loss, LSE, dH) and of dW rows. Each checked row is its own one-row
/// reference batch over the items it touches, so nothing of size V·D is widened on the host; a dW row is the sum of the
/// one-row batches of every row that drew it or has it as its positive, found by regenerating all N·K draws. A
/// full-catalog loss is checked against every item instead (<c>ScaleCheck.FullCatalog.cs</c>), and a shared-set loss
/// against its groups' sets (<c>ScaleCheck.SharedSet.cs</c>).
/// </summary>
public static partial class ScaleCheck
{
    private const float Range = 0.25f;
    private const int IgnoredPercent = 5;

    /// <summary>Runs the check on <paramref name="loss"/> at N = <paramref name="rows"/> × V = <paramref name="catalog"/>.</summary>
    /// <param name="loss">
    /// A loss of the <see cref="NegativeScheme.UniformPerRow"/>, <see cref="NegativeScheme.FullCatalog"/>,
    /// <see cref="NegativeScheme.SharedUniform"/> or <see cref="NegativeScheme.InBatch"/> scheme.
    /// </param>
    /// <param name="name">How reports name the loss.</param>
    /// <param name="rows">Rows N.</param>
    /// <param name="catalog">Catalog size V.</param>
    /// <param name="seed">Seed of the inputs and of the sampler.</param>
    /// <param name="sampleRows">Rows checked for loss, LSE and dH.</param>
    /// <param name="rowBudget">Most rows whose one-row batches build the checked dW rows (at least one dW row is checked).</param>
    /// <exception cref="ArgumentException">The loss is of a scheme whose draws the host cannot regenerate (explicit or popularity negatives), or a size is not positive.</exception>
    public static ScaleCheckResult Run<TElement, TGrad>(
        CatalogLoss<TElement, TGrad> loss, string name, int rows, int catalog, int seed, int sampleRows = 64, int rowBudget = 2048)
        where TElement : unmanaged
        where TGrad : unmanaged
    {
        ArgumentNullException.ThrowIfNull(loss);
        LossDescription description = loss.Description;
        bool sharedSet = LossScheme.For(description.Scheme) is MatrixScheme { SharesCandidates: true };
        if (description.Scheme is not (NegativeScheme.UniformPerRow or NegativeScheme.FullCatalog) && !sharedSet)
        {
            throw new ArgumentException(
                $"Expected a loss of the UniformPerRow scheme, whose draws the host can regenerate, of FullCatalog, or of a scheme whose groups share a candidate set; got {description.Scheme}.", nameof(loss));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(catalog, 2);
        ArgumentOutOfRangeException.ThrowIfLessThan(sampleRows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rowBudget, 1);
        if (description.Scheme == NegativeScheme.FullCatalog)
        {
            return RunFullCatalog(loss, name, rows, catalog, seed, sampleRows);
        }

        if (sharedSet)
        {
            return RunSharedSet(loss, name, rows, catalog, seed, sampleRows);
        }

        var random = new Random(seed);
        var batch = new Batch<TElement>(description, rows, catalog, random, (ulong)seed);
        CceDevice device = loss.Device;
        using CceTensor<TElement> hidden = device.Upload<TElement>(batch.Hidden, rows, description.HiddenSize);
        using CceTensor<TElement> items = device.Upload<TElement>(batch.Items, catalog, description.HiddenSize);
        using CceTensor<int> targets = device.Upload<int>(batch.Targets, rows, 1);
        using CceTensor<TGrad> gradHidden = device.Allocate<TGrad>(rows, description.HiddenSize);
        using CceTensor<float> gradItems = device.Allocate<float>(catalog, description.HiddenSize);
        LossResult result = loss.ForwardBackward(hidden, items, targets, NegativeSource.Sampled(batch.SamplerSeed, batch.Step), gradHidden, gradItems);
        float[] lse = result.Lse.ToArray();
        float[] rowLoss = result.RowLoss.ToArray();

        int[] checkedRows = Enumerable.Range(0, sampleRows).Select(_ => random.Next(rows)).Distinct().Order().ToArray();
        int[] checkedItems = PickItems(batch, random, rowBudget, out Dictionary<int, int[]> touching);

        // The rows: loss, LSE and dH against each row's own reference batch.
        var expectedLoss = new List<double>();
        var actualLoss = new List<double>();
        var expectedLse = new List<double>();
        var actualLse = new List<double>();
        var expectedDh = new List<double>();
        var actualDh = new List<double>();
        foreach (int row in checkedRows)
        {
            OneRow reference = batch.Reference(row, result.ValidRows);
            expectedLoss.Add(reference.Loss);
            actualLoss.Add(rowLoss[row]);
            expectedLse.Add(reference.Lse);
            actualLse.Add(lse[row]);
            expectedDh.AddRange(reference.GradHidden);
            actualDh.AddRange(ReadRow(gradHidden, row));
        }

        // The dW rows: every row that touches them contributes through its own reference batch.
        var expectedDw = new List<double>();
        var actualDw = new List<double>();
        foreach (int item in checkedItems)
        {
            var sum = new double[description.HiddenSize];
            foreach (int row in touching[item])
            {
                OneRow reference = batch.Reference(row, result.ValidRows);
                if (reference.GradItems.TryGetValue(item, out double[]? contribution))
                {
                    for (int e = 0; e < sum.Length; e++)
                    {
                        sum[e] += contribution[e];
                    }
                }
            }

            expectedDw.AddRange(sum);
            actualDw.AddRange(ReadRow(gradItems, item));
        }

        return Result(description, name, loss.Tile.ToString(), rows, catalog, seed, checkedItems.Length, checkedItems.Sum(i => touching[i].Length),
            (actualLoss, expectedLoss), (actualLse, expectedLse), (actualDh, expectedDh), (actualDw, expectedDw));
    }

    /// <summary>The errors of the compared values (dH judged beyond the rounding of its storage type) and the verdict.</summary>
    private static ScaleCheckResult Result(
        LossDescription description, string name, string variant, int rows, int catalog, int seed, int checkedItems, int contributingRows,
        (List<double> Actual, List<double> Expected) loss, (List<double> Actual, List<double> Expected) lse,
        (List<double> Actual, List<double> Expected) gradHidden, (List<double> Actual, List<double> Expected) gradItems)
    {
        ElementType gradientStorage = description.HiddenGradient == GradientPrecision.Float32 ? ElementType.Float32 : description.Element;
        double lossError = ErrorMeasures.Relative(loss.Actual, loss.Expected);
        double lseError = ErrorMeasures.Relative(lse.Actual, lse.Expected);
        double dhRaw = ErrorMeasures.Relative(gradHidden.Actual, gradHidden.Expected);
        double dhBeyond = ErrorMeasures.RelativeBeyondRounding(gradHidden.Actual, gradHidden.Expected, gradientStorage);
        double dwError = ErrorMeasures.Relative(gradItems.Actual, gradItems.Expected);
        List<double> expectedDh = gradHidden.Expected;
        double subnormal = gradientStorage == ElementType.Float16 ? expectedDh.Count(v => v != 0 && Math.Abs(v) < 6.103515625e-5) / (double)Math.Max(1, expectedDh.Count) : 0;
        string? failure = Tolerance.For(description).Check(lossError, lseError, dhBeyond, dwError);
        return new ScaleCheckResult(name, variant, rows, catalog, seed, loss.Expected.Count, checkedItems,
            contributingRows, lossError, lseError, dhRaw, dhBeyond, subnormal, dwError, failure);
    }

    /// <summary>
    /// Random items whose touching rows (drew it, or have it as their positive) fit <paramref name="budget"/> together; at
    /// least one. The draws of all N·K pairs are regenerated once, in parallel over rows.
    /// </summary>
    private static int[] PickItems<TElement>(Batch<TElement> batch, Random random, int budget, out Dictionary<int, int[]> touching)
        where TElement : unmanaged
    {
        int[] candidates = Enumerable.Range(0, 64).Select(_ => random.Next(batch.Catalog)).Distinct().ToArray();
        var wanted = new HashSet<int>(candidates);
        var found = candidates.ToDictionary(i => i, _ => new ConcurrentBag<int>());
        int k = batch.Description.Negatives;
        Parallel.For(0, batch.Rows, row =>
        {
            int target = batch.Targets[row];
            if (target == batch.Description.IgnoreIndex)
            {
                return;
            }

            var seen = new HashSet<int>();
            if (wanted.Contains(target))
            {
                seen.Add(target);
            }

            for (int slot = 0; slot < k; slot++)
            {
                int item = UniformSampler.Draw(batch.SamplerSeed, batch.Step, row, slot, batch.Catalog);
                if (wanted.Contains(item))
                {
                    seen.Add(item);
                }
            }

            foreach (int item in seen)
            {
                found[item].Add(row);
            }
        });

        touching = found.ToDictionary(pair => pair.Key, pair => pair.Value.Order().ToArray());
        var chosen = new List<int>();
        int used = 0;
        foreach (int item in candidates)
        {
            int count = touching[item].Length;
            if (chosen.Count > 0 && used + count > budget)
            {
                continue;
            }

            chosen.Add(item);
            used += count;
        }

        return chosen.ToArray();
    }

    private static double[] ReadRow<T>(CceTensor<T> tensor, int row)
        where T : unmanaged
    {
        var values = new T[tensor.Cols];
        tensor.View.SubView((long)row * tensor.Cols, tensor.Cols).CopyToCPU(tensor.Device.Accelerator.DefaultStream, values);
        tensor.Device.Accelerator.DefaultStream.Synchronize();
        return HostElements.ToDoubles(values);
    }

    /// <summary>The reference of one row: its loss and LSE, its dH row, and its contribution to each item's dW row.</summary>
    private sealed record OneRow(double Loss, double Lse, double[] GradHidden, Dictionary<int, double[]> GradItems);

    /// <summary>Random inputs stored in the element type, and the fp64 reference of any one row of them.</summary>
    private sealed class Batch<TElement>
        where TElement : unmanaged
    {
        private readonly ConcurrentDictionary<int, OneRow> references = new();

        public Batch(LossDescription description, int rows, int catalog, Random random, ulong seed)
        {
            Description = description;
            Rows = rows;
            Catalog = catalog;
            SamplerSeed = seed;
            Step = 1;
            int d = description.HiddenSize;
            Hidden = HostElements.FromFloats<TElement>(Uniform(random, (long)rows * d));
            Items = HostElements.FromFloats<TElement>(Uniform(random, (long)catalog * d));
            Targets = Enumerable.Range(0, rows).Select(_ => random.Next(100) < IgnoredPercent ? description.IgnoreIndex : random.Next(catalog)).ToArray();
        }

        public LossDescription Description { get; }

        public int Rows { get; }

        public int Catalog { get; }

        public ulong SamplerSeed { get; }

        public ulong Step { get; }

        public TElement[] Hidden { get; }

        public TElement[] Items { get; }

        public int[] Targets { get; }

        /// <summary>
        /// Row <paramref name="row"/> alone through <see cref="ReferenceLoss"/>, over a compact table of the items it touches;
        /// a mean's 1/valid and the correction of the real V are passed in, as the one-row batch cannot know them.
        /// </summary>
        public OneRow Reference(int row, int valid) => references.GetOrAdd(row, n =>
        {
            int d = Description.HiddenSize;
            int k = Description.Negatives;
            int target = Targets[n];
            if (target == Description.IgnoreIndex)
            {
                // An ignored row has loss and LSE 0, a zero dH row and no share in dW, as the kernels and the reference say.
                return new OneRow(0, 0, new double[d], new Dictionary<int, double[]>());
            }

            var compact = new List<int> { target };
            var slots = new int[k];
            for (int slot = 0; slot < k; slot++)
            {
                int item = UniformSampler.Draw(SamplerSeed, Step, n, slot, Catalog);
                int at = compact.IndexOf(item);
                if (at < 0)
                {
                    at = compact.Count;
                    compact.Add(item);
                }

                slots[slot] = at;
            }

            var table = new double[(long)compact.Count * d];
            for (int i = 0; i < compact.Count; i++)
            {
                for (int e = 0; e < d; e++)
                {
                    table[((long)i * d) + e] = HostElements.ToDouble(Items[((long)compact[i] * d) + e]);
                }
            }

            var h = new double[d];
            for (int e = 0; e < d; e++)
            {
                h[e] = HostElements.ToDouble(Hidden[((long)n * d) + e]);
            }

            double constant = CorrectionTerm.Exact(Description.Correction, Description.Scheme, k, Catalog);
            double upstream = Description.Reduction == LossReduction.Mean ? 1.0 / valid : 1.0;
            ReferenceResult one = ReferenceLoss.Compute(
                Description with { Reduction = LossReduction.Sum }, h, table, [0], (_, slot) => slots[slot], compact.Count, upstream, correction: _ => constant);
            var gradItems = new Dictionary<int, double[]>();
            for (int i = 0; i < compact.Count; i++)
            {
                gradItems[compact[i]] = one.GradItems.AsSpan(i * d, d).ToArray();
            }

            return new OneRow(one.Loss, one.Lse[0], one.GradHidden, gradItems);
        });

        private static float[] Uniform(Random random, long count)
        {
            var values = new float[count];
            for (long i = 0; i < count; i++)
            {
                values[i] = (float)((random.NextDouble() * 2) - 1) * Range;
            }

            return values;
        }
    }
}

/// <summary>What <see cref="ScaleCheck"/> measured.</summary>
/// <param name="Loss">The loss.</param>
/// <param name="Variant">The kernels that ran.</param>
/// <param name="Rows">N.</param>
/// <param name="Catalog">V.</param>
/// <param name="Seed">Seed of the inputs and the sampler.</param>
/// <param name="CheckedRows">Rows compared for loss, LSE and dH.</param>
/// <param name="CheckedItems">dW rows compared.</param>
/// <param name="ContributingRows">Rows whose one-row references built the checked dW rows.</param>
/// <param name="LossError">Relative error of the checked rows' losses.</param>
/// <param name="LseError">Relative error of their LSE.</param>
/// <param name="GradHiddenRawError">Relative error of their dH as stored.</param>
/// <param name="GradHiddenError">Relative error of their dH beyond one unit in the last place of its storage type (what the tolerance bounds).</param>
/// <param name="SubnormalGradHidden">Share of the reference's dH values that are nonzero fp16 subnormals (0 unless dH is fp16).</param>
/// <param name="GradItemsError">Relative error of the checked dW rows.</param>
/// <param name="Failure">Why the check failed, or null.</param>
public sealed record ScaleCheckResult(
    string Loss, string Variant, int Rows, int Catalog, int Seed, int CheckedRows, int CheckedItems, int ContributingRows,
    double LossError, double LseError, double GradHiddenRawError, double GradHiddenError, double SubnormalGradHidden, double GradItemsError, string? Failure)
{
    /// <summary>Whether every quantity is within the tolerance of <c>cce verify</c>.</summary>
    public bool Passed => Failure is null;
}
