using ILGPU;
using ILGPU.Runtime;
using Xunit;

namespace Cce.Runtime.Tests.Devices;

/// <summary>
/// The device's buffer clear zeroes exactly the view it is given: 16-byte stores for the aligned body, single floats for
/// a tail, the driver's memset for a view that starts off a 16-byte boundary, and nothing around the view.
/// </summary>
public sealed class BufferClearTests
{
    private const int Length = 96;
    private const float Poison = 7.5f;

    [Theory]
    [InlineData(0, Length)]
    [InlineData(0, 1)]
    [InlineData(0, 3)]
    [InlineData(0, 4)]
    [InlineData(0, 5)]
    [InlineData(4, 13)]
    [InlineData(8, 80)]
    [InlineData(1, 10)]
    [InlineData(2, 0)]
    [InlineData(Length - 3, 3)]
    public void ClearsExactlyTheView(int offset, int count)
    {
        using CceDevice device = CceDevice.Open(DeviceKind.Cpu);
        using MemoryBuffer1D<float, Stride1D.Dense> buffer = device.Accelerator.Allocate1D(Enumerable.Repeat(Poison, Length).ToArray());
        ArrayView<float> view = buffer.View.SubView(offset, count);

        device.Clear(device.Accelerator.DefaultStream, view);
        device.Synchronize();

        float[] after = buffer.GetAsArray1D();
        for (int i = 0; i < Length; i++)
        {
            float expected = i >= offset && i < offset + count ? 0f : Poison;
            Assert.True(after[i] == expected, $"Element {i} of a clear of [{offset}, {offset + count}) is {after[i]}, expected {expected}.");
        }
    }

    [Fact]
    public void RefusesADisposedDevice()
    {
        CceDevice device = CceDevice.Open(DeviceKind.Cpu);
        using MemoryBuffer1D<float, Stride1D.Dense> buffer = device.Accelerator.Allocate1D<float>(Length);
        ArrayView<float> view = buffer.View;
        AcceleratorStream stream = device.Accelerator.DefaultStream;
        device.Dispose();

        ObjectDisposedException error = Assert.Throws<ObjectDisposedException>(() => device.Clear(stream, view));
        Assert.Contains("disposed", error.Message, StringComparison.Ordinal);
    }
}
