namespace Cce.Verification;

/// <summary>The call the checks over every row of a batch share.</summary>
public static partial class ScaleCheck
{
    /// <summary>
    /// One ForwardBackward call of a loss on a batch at full scale, with what fp64 sums over the whole batch read: the
    /// inputs widened, each row's kernel log-sum-exp and loss, which rows count, the reduction's coefficient, and the
    /// gradients on the device (read row by row).
    /// </summary>
    private sealed class WholeBatch<TElement, TGrad> : IDisposable
        where TElement : unmanaged
        where TGrad : unmanaged
    {
        private readonly CceTensor<TElement> hidden;
        private readonly CceTensor<TElement> items;
        private readonly CceTensor<int> targets;

        public WholeBatch(CatalogLoss<TElement, TGrad> loss, Batch<TElement> batch, NegativeSource source)
        {
            LossDescription description = loss.Description;
            int d = description.HiddenSize;
            CceDevice device = loss.Device;
            hidden = device.Upload<TElement>(batch.Hidden, batch.Rows, d);
            items = device.Upload<TElement>(batch.Items, batch.Catalog, d);
            targets = device.Upload<int>(batch.Targets, batch.Rows, 1);
            GradHidden = device.Allocate<TGrad>(batch.Rows, d);
            GradItems = device.Allocate<float>(batch.Catalog, d);
            LossResult result = loss.ForwardBackward(hidden, items, targets, source, GradHidden, GradItems);
            Lse = result.Lse.ToArray();
            RowLoss = result.RowLoss.ToArray();
            Hidden = HostElements.ToDoubles(batch.Hidden);
            Items = HostElements.ToDoubles(batch.Items);
            Counted = Array.ConvertAll(batch.Targets, target => target != description.IgnoreIndex);
            ValidRows = Enumerable.Range(0, batch.Rows).Where(r => Counted[r]).ToArray();
            Coefficient = description.Reduction == LossReduction.Mean ? 1.0 / Math.Max(1, result.ValidRows) : 1.0;
        }

        public CceTensor<TGrad> GradHidden { get; }

        public CceTensor<float> GradItems { get; }

        public float[] Lse { get; }

        public float[] RowLoss { get; }

        /// <summary>H in fp64, [N, D].</summary>
        public double[] Hidden { get; }

        /// <summary>W in fp64, [V, D].</summary>
        public double[] Items { get; }

        public bool[] Counted { get; }

        /// <summary>The rows that count, in order.</summary>
        public int[] ValidRows { get; }

        /// <summary>The gradient of the reduced loss with respect to each row's loss: 1/valid for a mean, else 1.</summary>
        public double Coefficient { get; }

        public void Dispose()
        {
            hidden.Dispose();
            items.Dispose();
            targets.Dispose();
            GradHidden.Dispose();
            GradItems.Dispose();
        }
    }
}
