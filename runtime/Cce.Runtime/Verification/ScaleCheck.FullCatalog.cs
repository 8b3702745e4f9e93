namespace Cce.Verification;

/// <summary>The check at scale of a full-catalog loss, where every row meets every item.</summary>
public static partial class ScaleCheck
{
    /// <summary>dW rows compared: each is a sum over every row of the batch.</summary>
    private const int FullCatalogItems = 8;

    /// <summary>
    /// Sampled rows' loss, LSE and dH against fp64 over all V items, and sampled dW rows against fp64 sums over all N rows.
    /// Those sums need every row's log-sum-exp, which would cost N·V·D on the host, so they take the kernel's (checked
    /// on the sampled rows, where it meets fp64 to about 1e-7): the dW rows check the item pass given the row pass.
    /// Half of the dW rows are targets of some rows, so their one-hot terms are checked too.
    /// </summary>
    private static ScaleCheckResult RunFullCatalog<TElement, TGrad>(CatalogLoss<TElement, TGrad> loss, string name, int rows, int catalog, int seed, int sampleRows)
        where TElement : unmanaged
        where TGrad : unmanaged
    {
        LossDescription description = loss.Description;
        int d = description.HiddenSize;
        var random = new Random(seed);
        var batch = new Batch<TElement>(description, rows, catalog, random, (ulong)seed);
        using var run = new WholeBatch<TElement, TGrad>(loss, batch, NegativeSource.Sampled(batch.SamplerSeed, batch.Step));
        (double[] h, double[] w, int[] y, bool[] counted, double coefficient) = (run.Hidden, run.Items, batch.Targets, run.Counted, run.Coefficient);

        int[] checkedRows = Enumerable.Range(0, sampleRows).Select(_ => random.Next(rows)).Distinct().Order().ToArray();
        var expectedLoss = new List<double>();
        var expectedLse = new List<double>();
        var expectedDh = new List<double>();
        var actualDh = new List<double>();
        foreach (int row in checkedRows)
        {
            (double rowLse, double[] dh) = counted[row] ? FullRow(h, w, row, y[row], catalog, d, coefficient) : (0, new double[d]);
            expectedLse.Add(rowLse);
            expectedLoss.Add(counted[row] ? rowLse - Dot(h, row, w, y[row], d) : 0);
            expectedDh.AddRange(dh);
            actualDh.AddRange(ReadRow(run.GradHidden, row));
        }

        int[] validRows = run.ValidRows;
        int[] checkedItems = Enumerable.Range(0, FullCatalogItems)
            .Select(i => i % 2 == 0 && validRows.Length > 0 ? y[validRows[random.Next(validRows.Length)]] : random.Next(catalog))
            .Distinct().Order().ToArray();
        var expectedDw = new List<double>();
        var actualDw = new List<double>();
        foreach (int item in checkedItems)
        {
            expectedDw.AddRange(FullItem(h, w, run.Lse, y, validRows, item, d, coefficient));
            actualDw.AddRange(ReadRow(run.GradItems, item));
        }

        return Result(description, name, loss.Tile.ToString(), rows, catalog, seed, checkedItems.Length, checkedItems.Length * validRows.Length,
            (checkedRows.Select(r => (double)run.RowLoss[r]).ToList(), expectedLoss), (checkedRows.Select(r => (double)run.Lse[r]).ToList(), expectedLse),
            (actualDh, expectedDh), (actualDw, expectedDw));
    }

    /// <summary>Row <paramref name="row"/>'s log-sum-exp over all items and its dH = g (Σ_j p_j w_j − w_y), in fp64.</summary>
    private static (double Lse, double[] GradHidden) FullRow(double[] h, double[] w, int row, int target, int catalog, int d, double coefficient)
    {
        var logits = new double[catalog];
        Parallel.For(0, catalog, j => logits[j] = Dot(h, row, w, j, d));
        double max = logits.Max();
        double sum = logits.Sum(s => Math.Exp(s - max));
        double rowLse = max + Math.Log(sum);
        double[] dh = ParallelSum(catalog, d, (j, sum) =>
        {
            double p = Math.Exp(logits[j] - rowLse);
            for (int e = 0; e < d; e++)
            {
                sum[e] += p * w[((long)j * d) + e];
            }
        });
        for (int e = 0; e < d; e++)
        {
            dh[e] = coefficient * (dh[e] - w[((long)target * d) + e]);
        }

        return (rowLse, dh);
    }

    /// <summary>dW row <paramref name="item"/> = Σ_r g (exp(h_r·w − lse_r) − [y_r = item]) h_r over the valid rows, in fp64 from the kernel's lse.</summary>
    private static double[] FullItem(double[] h, double[] w, float[] lse, int[] y, int[] validRows, int item, int d, double coefficient)
    {
        double[] dw = ParallelSum(validRows.Length, d, (i, sum) =>
        {
            int r = validRows[i];
            double p = Math.Exp(Dot(h, r, w, item, d) - lse[r]) - (y[r] == item ? 1.0 : 0.0);
            for (int e = 0; e < d; e++)
            {
                sum[e] += p * h[((long)r * d) + e];
            }
        });
        for (int e = 0; e < d; e++)
        {
            dw[e] *= coefficient;
        }

        return dw;
    }

    /// <summary>Σ over i in [0, count) of what <paramref name="add"/> adds into a vector of <paramref name="d"/>, in parallel with a vector per worker.</summary>
    private static double[] ParallelSum(int count, int d, Action<int, double[]> add)
    {
        var total = new double[d];
        object gate = new();
        Parallel.For(
            0,
            count,
            () => new double[d],
            (i, _, local) =>
            {
                add(i, local);
                return local;
            },
            local =>
            {
                lock (gate)
                {
                    for (int e = 0; e < d; e++)
                    {
                        total[e] += local[e];
                    }
                }
            });
        return total;
    }

    private static double Dot(double[] h, int row, double[] w, int item, int d)
    {
        double sum = 0;
        for (int e = 0; e < d; e++)
        {
            sum += h[((long)row * d) + e] * w[((long)item * d) + e];
        }

        return sum;
    }
}
