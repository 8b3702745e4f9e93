using Cce.Kernels;
using Cce.Schemes;
using ILGPU;
using ILGPU.Runtime;

namespace Cce;

/// <summary>
/// The runtime half of every generated loss: validation, scratch buffers and launches. The generated
/// part of an annotated class derives from it and adds the typed entry points of its scheme.
/// </summary>
/// <typeparam name="TElement">Element type of H and W: float, System.Half or BFloat16.</typeparam>
/// <typeparam name="TGrad">Element type of dH: TElement or float.</typeparam>
public abstract class CatalogLoss<TElement, TGrad> : CatalogLoss
    where TElement : unmanaged
    where TGrad : unmanaged
{
    private readonly KernelSelector kernels;
    private readonly LossScheme scheme;
    private readonly Action<AcceleratorStream, Index1D, ArrayView<int>, ArrayView<int>, int, int, int, ArrayView<float>, ArrayView<int>> checkInputs;
    private readonly Action<AcceleratorStream, KernelConfig, ArrayView<float>, int, ArrayView<int>, int, ArrayView<float>> reduceLoss;
    private readonly Action<AcceleratorStream, Index1D, ArrayView<float>, ArrayView<float>, ArrayView<int>> findNonFinite;
    private readonly CceTensor<int> status;
    private readonly CceTensor<float> lossScalar;
    private readonly int[] statusHost = new int[SupportKernels.StatusLength];
    private readonly ResultStamps stamps = new();
    private CceTensor<float>? rowLoss;
    private CceTensor<float>? rowLse;
    private bool disposed;
    private int callsInside;

    /// <summary>Prepares the loss on <paramref name="device"/>, running the kernels <paramref name="plan"/> chooses.</summary>
    /// <exception cref="ArgumentException">The element types do not match the description.</exception>
    protected CatalogLoss(CceDevice device, LossDescription description, KernelPlan plan)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(description);
        ArgumentNullException.ThrowIfNull(plan);
        if (ElementTypes.Of<TElement>() != description.Element || ElementTypes.Of<TGrad>() != ElementTypes.Gradient(description))
        {
            throw new ArgumentException($"Expected element types matching {description}; got {typeof(TElement).Name}/{typeof(TGrad).Name}.", nameof(description));
        }

        Device = device;
        Description = description;
        scheme = LossScheme.For(description.Scheme);
        kernels = new KernelSelector(device, description, plan);
        Accelerator accelerator = device.Accelerator;
        checkInputs = accelerator.LoadAutoGroupedKernel<Index1D, ArrayView<int>, ArrayView<int>, int, int, int, ArrayView<float>, ArrayView<int>>(SupportKernels.CheckInputs);
        reduceLoss = accelerator.LoadKernel<ArrayView<float>, int, ArrayView<int>, int, ArrayView<float>>(SupportKernels.ReduceLoss);
        findNonFinite = accelerator.LoadAutoGroupedKernel<Index1D, ArrayView<float>, ArrayView<float>, ArrayView<int>>(SupportKernels.FindNonFinite);
        status = device.Allocate<int>(1, SupportKernels.StatusLength);
        lossScalar = device.Allocate<float>(1, 1);
    }

    /// <inheritdoc />
    public override CceDevice Device { get; }

    /// <inheritdoc />
    public override LossDescription Description { get; }

    /// <inheritdoc />
    public override KernelTile Tile => kernels.Tile;

    /// <inheritdoc />
    public override long WorkspaceBytes => kernels.WorkspaceBytes;

    /// <inheritdoc />
    public override TResult Accept<TResult>(ICatalogLossVisitor<TResult> visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        return visitor.Visit(this);
    }

    /// <summary>Loss and per-row log-sum-exp; the result is readable until the next Forward or ForwardBackward of this object.</summary>
    /// <param name="hidden">Hidden states, [N, D].</param>
    /// <param name="items">Item table, [V, D].</param>
    /// <param name="targets">Positive item of each row, N elements; the ignore index skips a row.</param>
    /// <param name="negatives">Sampling seed and step, or the explicit [N, K] negatives, as the scheme requires.</param>
    /// <exception cref="ArgumentNullException">An input tensor is null.</exception>
    /// <exception cref="ArgumentException">A shape, device or value does not fit; nothing is written.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A target or an explicit negative lies outside [0, V) (checked on the device).</exception>
    /// <exception cref="ObjectDisposedException">This loss object, an input tensor or the device was disposed.</exception>
    /// <exception cref="InvalidOperationException">Another thread is inside a call of this loss object.</exception>
    public LossResult Forward(CceTensor<TElement> hidden, CceTensor<TElement> items, CceTensor<int> targets, NegativeSource negatives)
    {
        using CallScope scope = Enter(LossOperation.Forward);
        LossCall call = Prepare(LossOperation.Forward, hidden, items, targets, negatives);
        kernels.For(call.Rows, call.Catalog).Run(LossOperation.Forward, call);
        return Finish(call);
    }

    /// <summary>
    /// Gradients from a saved log-sum-exp, scaled by <paramref name="upstream"/> (and by
    /// <paramref name="upstreamPerRow"/> when given, Reduction = None only); dH and dW are overwritten, or added to
    /// with <see cref="GradientUpdate.Accumulate"/>.
    /// </summary>
    /// <param name="hidden">Hidden states, [N, D].</param>
    /// <param name="items">Item table, [V, D].</param>
    /// <param name="targets">Positive item of each row, N elements.</param>
    /// <param name="negatives">The same negatives as the forward pass.</param>
    /// <param name="lse">Per-row log-sum-exp from the forward pass, N elements: a current result of this object, a <see cref="CceTensor{T}.Clone"/> of an earlier one, or the caller's own buffer.</param>
    /// <param name="gradHidden">Receives dH, [N, D].</param>
    /// <param name="gradItems">Receives dW, [V, D] fp32.</param>
    /// <param name="upstream">Gradient of the objective with respect to the reduced loss.</param>
    /// <param name="upstreamPerRow">Per-row upstream gradient, N elements, or null.</param>
    /// <param name="update">Whether dH and dW receive the gradients or add them to what they hold.</param>
    /// <exception cref="ArgumentNullException">An input or output tensor is null (checked before anything runs).</exception>
    /// <exception cref="ArgumentException">
    /// A shape, device or value does not fit, an output shares memory with an input or with the other output (in-place
    /// gradients are not supported), or <paramref name="lse"/> is a result that a later call has overwritten; nothing is written.
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// A target or an explicit negative lies outside [0, V), or <paramref name="upstreamPerRow"/> holds NaN or ∞ (checked on the device).
    /// </exception>
    /// <exception cref="ObjectDisposedException">This loss object, a tensor or the device was disposed.</exception>
    /// <exception cref="InvalidOperationException">Another thread is inside a call of this loss object.</exception>
    public void Backward(
        CceTensor<TElement> hidden, CceTensor<TElement> items, CceTensor<int> targets, NegativeSource negatives,
        CceTensor<float> lse, CceTensor<TGrad> gradHidden, CceTensor<float> gradItems, float upstream = 1f, CceTensor<float>? upstreamPerRow = null,
        GradientUpdate update = GradientUpdate.Overwrite)
    {
        using CallScope scope = Enter(LossOperation.Backward);
        ArgumentNullException.ThrowIfNull(lse);
        ArgumentNullException.ThrowIfNull(gradHidden);
        ArgumentNullException.ThrowIfNull(gradItems);
        InputValidation.Upstream(upstream);
        int rows = InputValidation.Rows(hidden, Device, Description.HiddenSize);
        InputValidation.Vector(lse, Device, nameof(lse), rows);
        if (upstreamPerRow is not null)
        {
            InputValidation.Vector(upstreamPerRow, Device, nameof(upstreamPerRow), rows);
            if (Description.Reduction != LossReduction.None)
            {
                throw new ArgumentException($"Expected a per-row upstream gradient only with Reduction = None; this loss reduces with {Description.Reduction}.", nameof(upstreamPerRow));
            }
        }

        LossCall call = Prepare(LossOperation.Backward, hidden, items, targets, negatives, gradHidden, gradItems, upstream, update, lse, upstreamPerRow) with
        {
            RowLse = lse.View,
            UpstreamPerRow = upstreamPerRow?.View ?? default,
        };
        kernels.For(call.Rows, call.Catalog).Run(LossOperation.Backward, call);
        Device.Accelerator.DefaultStream.Synchronize();
        ReadStages(call);
    }

    /// <summary>
    /// Loss, log-sum-exp and gradients in one pass, the gradients scaled by <paramref name="upstream"/>; dH and dW are
    /// overwritten, or added to with <see cref="GradientUpdate.Accumulate"/>.
    /// </summary>
    /// <param name="hidden">Hidden states, [N, D].</param>
    /// <param name="items">Item table, [V, D].</param>
    /// <param name="targets">Positive item of each row, N elements.</param>
    /// <param name="negatives">Sampling seed and step, or the explicit [N, K] negatives.</param>
    /// <param name="gradHidden">Receives dH, [N, D].</param>
    /// <param name="gradItems">Receives dW, [V, D] fp32.</param>
    /// <param name="upstream">Gradient of the objective with respect to the reduced loss.</param>
    /// <param name="update">Whether dH and dW receive the gradients or add them to what they hold.</param>
    /// <exception cref="ArgumentNullException">An input or output tensor is null (checked before anything runs).</exception>
    /// <exception cref="ArgumentException">A shape, device or value does not fit, or an output shares memory with an input or with the other output (in-place gradients are not supported); nothing is written.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A target or an explicit negative lies outside [0, V) (checked on the device).</exception>
    /// <exception cref="ObjectDisposedException">This loss object, a tensor or the device was disposed.</exception>
    /// <exception cref="InvalidOperationException">Another thread is inside a call of this loss object.</exception>
    public LossResult ForwardBackward(
        CceTensor<TElement> hidden, CceTensor<TElement> items, CceTensor<int> targets, NegativeSource negatives,
        CceTensor<TGrad> gradHidden, CceTensor<float> gradItems, float upstream = 1f, GradientUpdate update = GradientUpdate.Overwrite)
    {
        using CallScope scope = Enter(LossOperation.ForwardBackward);
        ArgumentNullException.ThrowIfNull(gradHidden);
        ArgumentNullException.ThrowIfNull(gradItems);
        InputValidation.Upstream(upstream);
        LossCall call = Prepare(LossOperation.ForwardBackward, hidden, items, targets, negatives, gradHidden, gradItems, upstream, update);
        kernels.For(call.Rows, call.Catalog).Run(LossOperation.ForwardBackward, call);
        return Finish(call);
    }

    /// <summary>Host-array form of the forward pass: uploads, runs, copies everything back.</summary>
    /// <param name="hidden">Hidden states, [N, D].</param>
    /// <param name="items">Item table, [V, D].</param>
    /// <param name="targets">Positive item of each row, N elements.</param>
    /// <param name="sampled">The in-kernel sampling of the call; ignored when the scheme takes <paramref name="negatives"/>.</param>
    /// <param name="negatives">The caller's negatives, [N, K] row-major, for the schemes that take them; else empty.</param>
    protected HostLossResult<TGrad> ForwardHostCore(ReadOnlySpan<TElement> hidden, ReadOnlySpan<TElement> items, ReadOnlySpan<int> targets, NegativeSource sampled, ReadOnlySpan<int> negatives)
    {
        using HostInputs inputs = Upload(hidden, items, targets, negatives);
        LossResult result = Forward(inputs.Hidden, inputs.Items, inputs.Targets, inputs.Source(sampled));
        return new HostLossResult<TGrad>(result.Loss, result.ValidRows, result.RowLoss.ToArray(), result.Lse.ToArray(), null, null);
    }

    /// <summary>Host-array form of the fused pass: uploads, runs, copies losses and gradients back.</summary>
    /// <param name="hidden">Hidden states, [N, D].</param>
    /// <param name="items">Item table, [V, D].</param>
    /// <param name="targets">Positive item of each row, N elements.</param>
    /// <param name="sampled">The in-kernel sampling of the call; ignored when the scheme takes <paramref name="negatives"/>.</param>
    /// <param name="negatives">The caller's negatives, [N, K] row-major, for the schemes that take them; else empty.</param>
    /// <param name="upstream">Gradient of the objective with respect to the reduced loss.</param>
    protected HostLossResult<TGrad> ForwardBackwardHostCore(ReadOnlySpan<TElement> hidden, ReadOnlySpan<TElement> items, ReadOnlySpan<int> targets, NegativeSource sampled, ReadOnlySpan<int> negatives, float upstream)
    {
        using HostInputs inputs = Upload(hidden, items, targets, negatives);
        using CceTensor<TGrad> gradHidden = Device.Allocate<TGrad>(inputs.Hidden.Rows, Description.HiddenSize);
        using CceTensor<float> gradItems = Device.Allocate<float>(inputs.Items.Rows, Description.HiddenSize);
        LossResult result = ForwardBackward(inputs.Hidden, inputs.Items, inputs.Targets, inputs.Source(sampled), gradHidden, gradItems, upstream);
        return new HostLossResult<TGrad>(result.Loss, result.ValidRows, result.RowLoss.ToArray(), result.Lse.ToArray(), gradHidden.ToArray(), gradItems.ToArray());
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposed || !disposing)
        {
            return;
        }

        disposed = true;
        stamps.Close();
        kernels.Dispose();
        status.Dispose();
        lossScalar.Dispose();
        rowLoss?.Dispose();
        rowLse?.Dispose();
    }

    /// <summary>
    /// Admits one call at a time: the row buffers, the status buffer and the valid-row count are per loss object, so
    /// a second thread would mix two calls' results. Detected and rejected rather than serialised, so that a data race
    /// in the caller's code shows up at once instead of as a silent wait.
    /// </summary>
    private CallScope Enter(LossOperation operation)
    {
        if (Interlocked.CompareExchange(ref callsInside, 1, 0) != 0)
        {
            throw new InvalidOperationException(
                $"Expected one call at a time on this loss object; another thread is inside a call while this one entered {operation}. "
                + "Use one loss object per thread (they may share a device) or serialise the calls.");
        }

        return new CallScope(this);
    }

    private LossCall Prepare(
        LossOperation operation, CceTensor<TElement> hidden, CceTensor<TElement> items, CceTensor<int> targets, NegativeSource negatives,
        CceTensor<TGrad>? gradHidden = null, CceTensor<float>? gradItems = null, float upstream = 1f,
        GradientUpdate update = GradientUpdate.Overwrite, CceTensor<float>? lse = null, CceTensor<float>? upstreamPerRow = null)
    {
        if (disposed)
        {
            throw new ObjectDisposedException(GetType().Name, $"Expected a live loss object for {operation}; this {GetType().Name} was disposed.");
        }

        int rows = InputValidation.Rows(hidden, Device, Description.HiddenSize);
        int catalog = InputValidation.Catalog(items, Device, Description);
        InputValidation.Vector(targets, Device, nameof(targets), rows);
        scheme.Validate(negatives, Device, rows, catalog, Description);
        if (gradHidden is not null)
        {
            InputValidation.Matrix(gradHidden, Device, nameof(gradHidden), rows, Description.HiddenSize);
        }

        if (gradItems is not null)
        {
            InputValidation.Matrix(gradItems, Device, nameof(gradItems), catalog, Description.HiddenSize);
        }

        BufferOverlap.Reject(
            [BufferOverlap.Of(hidden, nameof(hidden)), BufferOverlap.Of(items, nameof(items)), BufferOverlap.Of(targets, nameof(targets)),
             BufferOverlap.Of(negatives.Explicit, nameof(negatives)), BufferOverlap.Of(lse, nameof(lse)), BufferOverlap.Of(upstreamPerRow, nameof(upstreamPerRow))],
            [BufferOverlap.Of(gradHidden, nameof(gradHidden)), BufferOverlap.Of(gradItems, nameof(gradItems))]);

        // Validated before the row buffers are replaced: a call that fails leaves the previous result readable.
        CountAndValidate(targets, scheme.CheckedIndices(negatives), upstreamPerRow?.View ?? default, rows, catalog);
        if (EnsureRowBuffers(rows) || operation != LossOperation.Backward)
        {
            stamps.Overwrite(operation);
        }

        return new LossCall
        {
            Description = Description,
            Hidden = hidden.View.Cast<U4>(),
            Items = items.View.Cast<U4>(),
            Targets = targets.View,
            Negatives = negatives,
            RowLoss = rowLoss!.View,
            RowLse = rowLse!.View,
            GradHidden = gradHidden?.View.Cast<U4>() ?? default,
            GradItems = gradItems?.View ?? default,
            ValidRows = status.View.SubView(SupportKernels.StatusValidRows, 1),
            Rows = rows,
            Catalog = catalog,
            Upstream = upstream,
            Update = update,
            WorkspaceLimit = WorkspaceLimit,
            Stages = RecordStages ? new StageClock(Device.Accelerator.DefaultStream) : null,
        };
    }

    /// <summary>
    /// Counts the valid rows (the mean needs them) and, in the same pass, range-checks targets and explicit negatives
    /// (unless <see cref="CatalogLoss.ValidateIndices"/> is off) and checks a per-row upstream for NaN and ∞ (always:
    /// Backward waits for the device anyway).
    /// </summary>
    private void CountAndValidate(CceTensor<int> targets, ArrayView<int> negatives, ArrayView<float> upstreamPerRow, int rows, int catalog)
    {
        AcceleratorStream stream = Device.Accelerator.DefaultStream;
        Array.Fill(statusHost, int.MaxValue);
        statusHost[SupportKernels.StatusValidRows] = 0;
        status.CopyFrom(statusHost);
        bool ranges = ValidateIndices;

        // Without range checks the catalog bound is emptied and the negatives left out: only the count remains.
        checkInputs(
            stream, rows, targets.View, ranges ? negatives : default, Description.Negatives, ranges ? catalog : int.MaxValue,
            Description.IgnoreIndex, upstreamPerRow, status.View);
        if (!ranges && upstreamPerRow.Length == 0)
        {
            return;
        }

        status.CopyTo(statusHost);
        if (ranges && statusHost[SupportKernels.StatusBadTargetRow] != int.MaxValue)
        {
            int row = statusHost[SupportKernels.StatusBadTargetRow];
            int value = ReadOne(targets.View, row);
            throw new ArgumentOutOfRangeException(nameof(targets), value, $"Expected every target in [0, {catalog}) or the ignore index {Description.IgnoreIndex}; row {row} holds {value}.");
        }

        if (ranges && statusHost[SupportKernels.StatusBadNegativeRow] != int.MaxValue)
        {
            int row = statusHost[SupportKernels.StatusBadNegativeRow];
            var slots = new int[Description.Negatives];
            negatives.SubView((long)row * slots.Length, slots.Length).CopyToCPU(stream, slots);
            stream.Synchronize();
            int slot = Array.FindIndex(slots, item => item < 0 || item >= catalog);
            throw new ArgumentOutOfRangeException("negatives", slots[slot], $"Expected every negative in [0, {catalog}); row {row}, slot {slot} holds {slots[slot]}.");
        }

        if (statusHost[SupportKernels.StatusBadUpstreamRow] != int.MaxValue)
        {
            int row = statusHost[SupportKernels.StatusBadUpstreamRow];
            float value = ReadOne(upstreamPerRow, row);
            throw new ArgumentOutOfRangeException("upstreamPerRow", value, $"Expected a finite upstream gradient in every row; row {row} holds {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}.");
        }
    }

    private LossResult Finish(in LossCall call)
    {
        AcceleratorStream stream = Device.Accelerator.DefaultStream;
        int mean = Description.Reduction == LossReduction.Mean ? 1 : 0;
        reduceLoss(stream, new KernelConfig(1, SupportKernels.ReduceThreads), call.RowLoss, call.Rows, status.View, mean, lossScalar.View);
        if (CheckFinite)
        {
            findNonFinite(stream, call.Rows, call.RowLoss, call.RowLse, status.View);
        }

        status.CopyTo(statusHost);
        float[] loss = lossScalar.ToArray();
        ReadStages(call);
        if (CheckFinite && statusHost[SupportKernels.StatusNonFiniteRow] != int.MaxValue)
        {
            int row = statusHost[SupportKernels.StatusNonFiniteRow];
            throw new NonFiniteLossException(row, ReadOne(call.RowLoss, row));
        }

        ResultStamp stamp = stamps.Latest();
        return new LossResult(loss[0], statusHost[SupportKernels.StatusValidRows], CceTensor<float>.Result(rowLoss!, stamp), CceTensor<float>.Result(rowLse!, stamp));
    }

    private void ReadStages(in LossCall call)
    {
        if (call.Stages is StageClock clock)
        {
            StageTimes = clock.Read();
        }
    }

    /// <summary>Sizes the result buffers for <paramref name="rows"/>; true when they were replaced.</summary>
    private bool EnsureRowBuffers(int rows)
    {
        if (rowLoss is not null && rowLoss.Rows == rows)
        {
            return false;
        }

        rowLoss?.Dispose();
        rowLse?.Dispose();
        rowLoss = Device.Allocate<float>(rows, 1);
        rowLse = Device.Allocate<float>(rows, 1);
        return true;
    }

    private T ReadOne<T>(ArrayView<T> view, long index)
        where T : unmanaged
    {
        var one = new T[1];
        view.SubView(index, 1).CopyToCPU(Device.Accelerator.DefaultStream, one);
        Device.Accelerator.DefaultStream.Synchronize();
        return one[0];
    }

    private HostInputs Upload(ReadOnlySpan<TElement> hidden, ReadOnlySpan<TElement> items, ReadOnlySpan<int> targets, ReadOnlySpan<int> negatives)
    {
        int d = Description.HiddenSize;
        if (hidden.Length == 0 || hidden.Length % d != 0)
        {
            throw new ArgumentException($"Expected hidden with N x {d} elements, N >= 1; got {hidden.Length}.", nameof(hidden));
        }

        if (items.Length == 0 || items.Length % d != 0)
        {
            throw new ArgumentException($"Expected items with V x {d} elements, V >= 1; got {items.Length}.", nameof(items));
        }

        int rows = hidden.Length / d;
        if (targets.Length != rows)
        {
            throw new ArgumentException($"Expected {rows} targets (one per hidden row); got {targets.Length}.", nameof(targets));
        }

        CceTensor<TElement> hiddenTensor = Device.Upload(hidden, rows, d);
        CceTensor<TElement> itemsTensor = Device.Upload(items, items.Length / d, d);
        CceTensor<int> targetsTensor = Device.Upload(targets, rows, 1);
        try
        {
            return new HostInputs(hiddenTensor, itemsTensor, targetsTensor, scheme.Upload(Device, negatives, rows, Description));
        }
        catch
        {
            hiddenTensor.Dispose();
            itemsTensor.Dispose();
            targetsTensor.Dispose();
            throw;
        }
    }

    private sealed record HostInputs(CceTensor<TElement> Hidden, CceTensor<TElement> Items, CceTensor<int> Targets, CceTensor<int>? Negatives) : IDisposable
    {
        public NegativeSource Source(NegativeSource sampled) =>
            Negatives is null ? sampled : NegativeSource.FromTensor(Negatives);

        public void Dispose()
        {
            Hidden.Dispose();
            Items.Dispose();
            Targets.Dispose();
            Negatives?.Dispose();
        }
    }

    /// <summary>Leaves the call <see cref="Enter"/> admitted.</summary>
    private readonly struct CallScope(CatalogLoss<TElement, TGrad> loss) : IDisposable
    {
        public void Dispose() => Volatile.Write(ref loss.callsInside, 0);
    }
}
