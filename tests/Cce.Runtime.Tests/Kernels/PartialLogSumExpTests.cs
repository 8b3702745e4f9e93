using Cce.Families.Matrix;
using Cce.Kernels;
using Cce.Runtime.Tests.Infrastructure;
using ILGPU;
using ILGPU.Runtime;
using Xunit;
using Xunit.Abstractions;

namespace Cce.Runtime.Tests.Kernels;

/// <summary>
/// The merge of a split forward pass against fp64: each split's running maximum and sum of a row, the target's logit
/// left in the loss by the split that holds it; empty splits (no item) and ignored rows included.
/// </summary>
[Collection("cpu")]
public sealed class PartialLogSumExpTests(CpuDeviceFixture fixture, ITestOutputHelper output)
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(37, 3)]
    [InlineData(300, 17)]
    public void MergedSplitsGiveTheLogSumExpOfAllLogits(int rows, int splits)
    {
        var data = new RandomData(output);
        Random random = data.Random;
        int perSplit = 5;
        var targets = new int[rows];
        var partials = new float[2 * splits * rows];
        var targetLogits = new float[rows];
        var expected = new double[rows];
        for (int row = 0; row < rows; row++)
        {
            targets[row] = row % 7 == 3 ? -100 : random.Next(splits * perSplit);
            double total = 0;
            var logits = new double[splits * perSplit];
            for (int j = 0; j < logits.Length; j++)
            {
                logits[j] = (float)((random.NextDouble() * 40) - 20);
            }

            for (int split = 0; split < splits; split++)
            {
                long index = PartialLogSumExp.Index(split, row, rows);
                // The last split of every third row holds no item: maximum −∞ (as a large negative), sum 0.
                bool empty = split == splits - 1 && splits > 1 && row % 3 == 0;
                double m = double.NegativeInfinity;
                for (int j = split * perSplit; j < (split + 1) * perSplit && !empty; j++)
                {
                    m = Math.Max(m, logits[j]);
                }

                double sum = 0;
                for (int j = split * perSplit; j < (split + 1) * perSplit && !empty; j++)
                {
                    sum += Math.Exp(logits[j] - m);
                    total += Math.Exp(logits[j]);
                }

                partials[index] = empty ? -1e30f : (float)m;
                partials[index + 1] = (float)sum;
                if (!empty && targets[row] >= split * perSplit && targets[row] < (split + 1) * perSplit)
                {
                    targetLogits[row] = (float)logits[targets[row]];
                }
            }

            expected[row] = Math.Log(total);
        }

        CceDevice device = fixture.Device;
        using CceTensor<int> targetTensor = device.Upload<int>(targets, rows, 1);
        using CceTensor<float> partialTensor = device.Upload<float>(partials, partials.Length, 1);
        using CceTensor<float> loss = device.Upload<float>(targetLogits, rows, 1);
        using CceTensor<float> lse = device.Upload<float>(Enumerable.Repeat(float.NaN, rows).ToArray(), rows, 1);
        var merge = device.Accelerator.LoadKernel<MatrixArguments>(PartialLogSumExp.Merge);
        merge(device.Accelerator.DefaultStream, new KernelConfig((rows + 31) / 32, 32), new MatrixArguments
        {
            Targets = targetTensor.View,
            Partials = partialTensor.View,
            RowLoss = loss.View,
            RowLse = lse.View,
            Rows = rows,
            Splits = splits,
        });
        float[] gotLse = lse.ToArray();
        float[] gotLoss = loss.ToArray();
        for (int row = 0; row < rows; row++)
        {
            if (targets[row] < 0)
            {
                Assert.Equal(0f, gotLse[row]);
                Assert.Equal(0f, gotLoss[row]);
                continue;
            }

            Assert.True(Math.Abs(gotLse[row] - expected[row]) <= 1e-5 * Math.Max(1, Math.Abs(expected[row])), $"{data}: row {row} lse {gotLse[row]} expected {expected[row]}");
            double expectedLoss = expected[row] - targetLogits[row];
            Assert.True(Math.Abs(gotLoss[row] - expectedLoss) <= 1e-5 * Math.Max(1, Math.Abs(expectedLoss)), $"{data}: row {row} loss {gotLoss[row]} expected {expectedLoss}");
        }
    }
}
