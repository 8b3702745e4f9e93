using Cce.Runtime.Tests.Infrastructure;
using Cce.Runtime.Tests.Validation;
using ILGPU;
using ILGPU.Runtime;
using Xunit;
using Xunit.Abstractions;

namespace Cce.Runtime.Tests.Losses;

/// <summary>
/// Inside a training loop, H and dH are slices of larger device buffers (a packed activation arena, a flattened
/// parameter block). <see cref="CceTensor{T}.Wrap"/> must let the kernels read and write such slices in place, and the
/// 16-byte vector loads the kernels rely on make a slice that starts off that boundary an error, not a crash.
/// </summary>
[Collection("cpu")]
public sealed class WrappedViewTests(CpuDeviceFixture fixture, ITestOutputHelper output)
{
    // Four floats are one 16-byte vector: an offset of whole vectors keeps the slice aligned.
    private const int AlignedOffset = 4 * 3;
    private const int Margin = 16;

    // Fills the rest of each larger buffer: a value the loss never produces, so a write outside the slice shows.
    private const float Fence = -7.5f;

    private CceDevice Device => fixture.Device;

    [Fact]
    public void AlignedSlicesOfLargerBuffersAreReadAndWrittenInPlace()
    {
        using SampledTestLoss loss = SampledTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        int length = batch.Rows * 16;
        using MemoryBuffer1D<float, Stride1D.Dense> hiddenArena = Arena(AlignedOffset + length + Margin);
        using MemoryBuffer1D<float, Stride1D.Dense> gradArena = Arena(AlignedOffset + length + Margin);
        ArrayView<float> hiddenSlice = hiddenArena.View.SubView(AlignedOffset, length);
        ArrayView<float> gradSlice = gradArena.View.SubView(AlignedOffset, length);
        hiddenSlice.CopyFromCPU(Device.Accelerator.DefaultStream, batch.HiddenHost);
        Device.Synchronize();
        using CceTensor<float> hidden = CceTensor<float>.Wrap(Device, hiddenSlice, batch.Rows, 16);
        using CceTensor<float> gradHidden = CceTensor<float>.Wrap(Device, gradSlice, batch.Rows, 16);
        Assert.Equal(hiddenSlice.LoadEffectiveAddressAsPtr(), hidden.View.LoadEffectiveAddressAsPtr());

        LossResult wrapped = loss.ForwardBackward(hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step, gradHidden, batch.GradItems);
        float wrappedLoss = wrapped.Loss;
        float[] arena = gradArena.GetAsArray1D();
        LossResult owned = loss.ForwardBackward(batch.Hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step, batch.GradHidden, batch.GradItems);

        Assert.Equal(BitConverter.SingleToInt32Bits(owned.Loss), BitConverter.SingleToInt32Bits(wrappedLoss));
        Assert.Equal(batch.GradHidden.ToArray(), arena.AsSpan(AlignedOffset, length).ToArray());
        Assert.All(arena[..AlignedOffset], v => Assert.Equal(Fence, v));
        Assert.All(arena[(AlignedOffset + length)..], v => Assert.Equal(Fence, v));
    }

    [Fact]
    public void SliceOffTheVectorBoundaryIsRejected()
    {
        using SampledTestLoss loss = SampledTestLoss.Create(Device);
        using var batch = new TestBatch(Device, loss.Description, new RandomData(output));
        int length = batch.Rows * 16;
        using MemoryBuffer1D<float, Stride1D.Dense> arena = Arena(1 + length + Margin);
        ArrayView<float> slice = arena.View.SubView(1, length);
        using CceTensor<float> hidden = CceTensor<float>.Wrap(Device, slice, batch.Rows, 16);
        long past = slice.LoadEffectiveAddressAsPtr().ToInt64() % 16;
        Rejection.Assert<ArgumentException>(
            loss, batch, () => loss.ForwardBackward(hidden, batch.Items, batch.Targets, TestBatch.Seed, TestBatch.Step, batch.GradHidden, batch.GradItems),
            "hidden", "16-byte boundary", $"{past} bytes past");
    }

    private MemoryBuffer1D<float, Stride1D.Dense> Arena(int length)
    {
        MemoryBuffer1D<float, Stride1D.Dense> buffer = Device.Accelerator.Allocate1D<float>(length);
        buffer.View.CopyFromCPU(Device.Accelerator.DefaultStream, Enumerable.Repeat(Fence, length).ToArray());
        Device.Synchronize();
        return buffer;
    }
}
