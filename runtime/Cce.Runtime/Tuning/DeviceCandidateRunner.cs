using System.Runtime.InteropServices;
using Cce.Families.PerRow;
using Cce.Kernels;
using ILGPU.Runtime;
using ILGPU;

namespace Cce.Tuning;

/// <summary>
/// Runs tile candidates on a real device: times the fused forward-backward kernel (what a training step runs)
/// with profiling markers around each launch, the L2 cache overwritten before each one and the sampling step
/// advanced, so no launch finds the previous one's data cached; checks all three kernels of each candidate
/// against the fp64 reference first.
/// </summary>
internal sealed class DeviceCandidateRunner : ICandidateRunner
{
    /// <summary>The L2 flush overwrites this many times the cache size.</summary>
    private const int FlushFactor = 2;

    private readonly CceDevice device;
    private readonly LossDescription description;
    private readonly IReadOnlyList<KernelVariant> variants;
    private readonly LoadedKernels?[] loaded;
    private readonly TuningInputs inputs;
    private readonly ReferenceCheck check;
    private readonly CceTensor<byte>? flush;
    private ulong step;

    /// <param name="device">Where to run.</param>
    /// <param name="description">What the kernels were specialised on.</param>
    /// <param name="variants">The candidates, by index.</param>
    /// <param name="rows">Rows N of the tuning inputs.</param>
    /// <param name="catalog">Catalog size V of the tuning inputs.</param>
    /// <param name="seed">Seed of the random inputs: a new one for every tuning.</param>
    public DeviceCandidateRunner(CceDevice device, LossDescription description, IReadOnlyList<KernelVariant> variants, int rows, int catalog, ulong seed)
    {
        this.device = device;
        this.description = description;
        this.variants = variants;
        loaded = new LoadedKernels?[variants.Count];
        inputs = new TuningInputs(device, description, rows, catalog, seed);
        check = new ReferenceCheck(inputs, step: 0);
        long l2 = device.Fingerprint.L2CacheBytes;
        flush = l2 > 0 ? device.Allocate<byte>(checked((int)(l2 * FlushFactor)), 1) : null;
    }

    public void Load(int candidate) => loaded[candidate] = variants[candidate].Load(device, description);

    public string? Check(int candidate)
    {
        LoadedKernels kernels = Loaded(candidate);
        LossCall call = inputs.Call(0, check.CorrectionCatalog);

        Poison();
        kernels.Run(LossOperation.Forward, call);
        if (check.Compare("forward", inputs.RowLoss.ToArray(), inputs.RowLse.ToArray(), null) is string forward)
        {
            return forward;
        }

        // The backward pass reads the log-sum-exp the forward pass just wrote and was checked against.
        Poison(outputsOnly: true);
        kernels.Run(LossOperation.Backward, call);
        if (check.Compare("backward", null, null, GradHidden()) is string backward)
        {
            return backward;
        }

        Poison();
        kernels.Run(LossOperation.ForwardBackward, call);
        return check.Compare("forward-backward", inputs.RowLoss.ToArray(), inputs.RowLse.ToArray(), GradHidden());
    }

    public IReadOnlyList<double> Time(int candidate, int warmups, int repetitions)
    {
        LoadedKernels kernels = Loaded(candidate);
        AcceleratorStream stream = device.Accelerator.DefaultStream;
        for (int i = 0; i < warmups; i++)
        {
            kernels.Run(LossOperation.ForwardBackward, inputs.Call(++step, inputs.Catalog));
        }

        var times = new double[repetitions];
        for (int i = 0; i < repetitions; i++)
        {
            LossCall call = inputs.Call(++step, inputs.Catalog);
            flush?.View.MemSet(stream, (byte)i);
            using ProfilingMarker start = stream.AddProfilingMarker();
            kernels.Run(LossOperation.ForwardBackward, call);
            using ProfilingMarker end = stream.AddProfilingMarker();
            times[i] = end.MeasureFrom(start).TotalMilliseconds;
        }

        return times;
    }

    public void Dispose()
    {
        foreach (LoadedKernels? kernels in loaded)
        {
            kernels?.Dispose();
        }

        inputs.Dispose();
        flush?.Dispose();
    }

    private LoadedKernels Loaded(int candidate) =>
        loaded[candidate] ?? throw new InvalidOperationException($"Candidate {candidate} was not loaded.");

    /// <summary>Fills the outputs with NaN bits, so a row a kernel forgets to write cannot pass.</summary>
    private void Poison(bool outputsOnly = false)
    {
        AcceleratorStream stream = device.Accelerator.DefaultStream;
        if (!outputsOnly)
        {
            inputs.RowLoss.View.MemSet(stream, 0xFF);
            inputs.RowLse.View.MemSet(stream, 0xFF);
        }

        inputs.GradHidden.View.MemSet(stream, 0xFF);
    }

    private byte[] GradHidden() => MemoryMarshal.AsBytes(inputs.GradHidden.ToArray().AsSpan()).ToArray();
}
