using Cce.Kernels;
using ILGPU;
using ILGPU.Runtime;

namespace Cce;

/// <summary>Clears float buffers of one device with <see cref="ZeroFill"/>, loaded once per device.</summary>
internal sealed class BufferClear
{
    private const int VectorFloats = 4;

    private readonly Action<AcceleratorStream, Index1D, ArrayView<U4>, ArrayView<float>> clear;

    public BufferClear(Accelerator accelerator) =>
        clear = accelerator.LoadAutoGroupedKernel<Index1D, ArrayView<U4>, ArrayView<float>>(ZeroFill.Clear);

    /// <summary>Queues the clear of <paramref name="view"/> on <paramref name="stream"/>: 16-byte stores where its start is 16-byte aligned, else the driver's memset.</summary>
    public void Clear(AcceleratorStream stream, ArrayView<float> view)
    {
        if (view.Length == 0)
        {
            return;
        }

        long vectors = view.Length / VectorFloats;
        if (vectors == 0 || vectors > int.MaxValue || view.LoadEffectiveAddressAsPtr().ToInt64() % (VectorFloats * sizeof(float)) != 0)
        {
            view.MemSetToZero(stream);
            return;
        }

        long bodyFloats = vectors * VectorFloats;
        ArrayView<U4> body = view.SubView(0, bodyFloats).Cast<U4>();
        ArrayView<float> tail = bodyFloats < view.Length ? view.SubView(bodyFloats) : ArrayView<float>.Empty;
        clear(stream, (int)vectors, body, tail);
    }
}
