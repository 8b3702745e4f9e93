using Cce.Schemes;

namespace Cce.Verification;

/// <summary>The check at scale of a shared-set loss, where every row of a group meets the group's whole candidate set.</summary>
public static partial class ScaleCheck
{
    /// <summary>dW rows compared: each is a sum over every row whose group's set holds the item or whose positive it is.</summary>
    private const int SharedSetItems = 8;

    /// <summary>
    /// Sampled rows' loss, LSE and dH against fp64 over their group's slots (the scheme's own draws or peers, the masks
    /// and corrections applied as the kernels apply them), and sampled dW rows against fp64 sums over all N rows. Those
    /// sums take the kernel's log-sum-exp of each row, as the full-catalog check does (it meets fp64 on the sampled rows).
    /// Half of the dW rows are positives of some rows, the other half slots of some group.
    /// </summary>
    private static ScaleCheckResult RunSharedSet<TElement, TGrad>(CatalogLoss<TElement, TGrad> loss, string name, int rows, int catalog, int seed, int sampleRows)
        where TElement : unmanaged
        where TGrad : unmanaged
    {
        LossDescription description = loss.Description;
        int d = description.HiddenSize;
        int slots = description.NegativesPerRow(rows, catalog);
        var random = new Random(seed);
        var batch = new Batch<TElement>(description, rows, catalog, random, (ulong)seed);
        LossScheme scheme = LossScheme.For(description.Scheme);
        using SchemeInputs inputs = scheme.Synthetic(loss.Device, new SyntheticBatch(description, rows, catalog, batch.Targets, (ulong)seed));
        NegativeSource source = inputs.Source(batch.Step);
        Func<int, double> correction = scheme.ReferenceCorrection(description, rows, catalog, source);
        using var run = new WholeBatch<TElement, TGrad>(loss, batch, source);
        (double[] h, double[] w, int[] y, bool[] counted, double coefficient) = (run.Hidden, run.Items, batch.Targets, run.Counted, run.Coefficient);

        // The candidates of a row: its group's slots, less those that hold its own positive.
        int[] Candidates(int row) => [.. Enumerable.Range(0, slots).Select(slot => inputs.Negative(row, slot, batch.Step)).Where(item => item != y[row])];

        int[] checkedRows = Enumerable.Range(0, sampleRows).Select(_ => random.Next(rows)).Distinct().Order().ToArray();
        var expectedLoss = new List<double>();
        var expectedLse = new List<double>();
        var expectedDh = new List<double>();
        var actualDh = new List<double>();
        foreach (int row in checkedRows)
        {
            // An ignored row has loss and LSE 0 and a zero dH row, as the kernels and the reference say.
            (double rowLse, double positive, double[] dh) = counted[row] ? SharedRow(h, w, row, y[row], Candidates(row), correction, d, coefficient) : (0, 0, new double[d]);
            expectedLse.Add(rowLse);
            expectedLoss.Add(rowLse - positive);
            expectedDh.AddRange(dh);
            actualDh.AddRange(ReadRow(run.GradHidden, row));
        }

        int[] validRows = run.ValidRows;
        int[] checkedItems = Enumerable.Range(0, SharedSetItems)
            .Select(i => i % 2 == 0 ? y[validRows[random.Next(validRows.Length)]] : inputs.Negative(validRows[random.Next(validRows.Length)], random.Next(slots), batch.Step))
            .Distinct().Order().ToArray();
        int[][] multiplicity = Multiplicities(inputs, batch.Step, validRows, y, slots, checkedItems);
        var expectedDw = new List<double>();
        var actualDw = new List<double>();
        for (int i = 0; i < checkedItems.Length; i++)
        {
            expectedDw.AddRange(SharedItem(h, w, run.Lse, y, validRows, checkedItems[i], multiplicity[i], correction(checkedItems[i]), d, coefficient));
            actualDw.AddRange(ReadRow(run.GradItems, checkedItems[i]));
        }

        return Result(description, name, loss.Tile.ToString(), rows, catalog, seed, checkedItems.Length, validRows.Length,
            (checkedRows.Select(r => (double)run.RowLoss[r]).ToList(), expectedLoss), (checkedRows.Select(r => (double)run.Lse[r]).ToList(), expectedLse),
            (actualDh, expectedDh), (actualDw, expectedDw));
    }

    /// <summary>
    /// A row's log-sum-exp over its positive and its unmasked candidates (each corrected), its positive logit, and its
    /// dH = g (Σ p w − w_y), in fp64.
    /// </summary>
    private static (double Lse, double Positive, double[] GradHidden) SharedRow(
        double[] h, double[] w, int row, int target, int[] candidates, Func<int, double> correction, int d, double coefficient)
    {
        double positive = Dot(h, row, w, target, d);
        double[] logits = [positive, .. candidates.Select(item => Dot(h, row, w, item, d) + correction(item))];
        double max = logits.Max();
        double rowLse = max + Math.Log(logits.Sum(s => Math.Exp(s - max)));
        var dh = new double[d];
        for (int c = 0; c < logits.Length; c++)
        {
            int item = c == 0 ? target : candidates[c - 1];
            double p = Math.Exp(logits[c] - rowLse) - (c == 0 ? 1.0 : 0.0);
            for (int e = 0; e < d; e++)
            {
                dh[e] += p * w[((long)item * d) + e];
            }
        }

        for (int e = 0; e < d; e++)
        {
            dh[e] *= coefficient;
        }

        return (rowLse, positive, dh);
    }

    /// <summary>How many of each valid row's unmasked slots hold each checked item: [item][row of <paramref name="validRows"/>].</summary>
    private static int[][] Multiplicities(SchemeInputs inputs, ulong step, int[] validRows, int[] y, int slots, int[] checkedItems)
    {
        var index = checkedItems.Select((item, i) => (item, i)).ToDictionary(p => p.item, p => p.i);
        int[][] counts = [.. checkedItems.Select(_ => new int[validRows.Length])];
        Parallel.For(0, validRows.Length, v =>
        {
            int row = validRows[v];
            for (int slot = 0; slot < slots; slot++)
            {
                int item = inputs.Negative(row, slot, step);
                if (item != y[row] && index.TryGetValue(item, out int i))
                {
                    counts[i][v]++;
                }
            }
        });
        return counts;
    }

    /// <summary>
    /// dW row <paramref name="item"/> = Σ_r g (m_r exp(h_r·w + c − lse_r) + [y_r = item] (exp(h_r·w − lse_r) − 1)) h_r over
    /// the valid rows, m_r the row's unmasked slots holding the item, in fp64 from the kernel's lse.
    /// </summary>
    private static double[] SharedItem(double[] h, double[] w, float[] lse, int[] y, int[] validRows, int item, int[] multiplicity, double correction, int d, double coefficient)
    {
        double[] dw = ParallelSum(validRows.Length, d, (v, sum) =>
        {
            int r = validRows[v];
            bool positive = y[r] == item;
            if (multiplicity[v] == 0 && !positive)
            {
                return;
            }

            double logit = Dot(h, r, w, item, d);
            double p = (multiplicity[v] * Math.Exp(logit + correction - lse[r])) + (positive ? Math.Exp(logit - lse[r]) - 1.0 : 0.0);
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
}
