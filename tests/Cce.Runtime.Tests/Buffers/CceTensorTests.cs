using Cce.Runtime.Tests.Infrastructure;
using ILGPU;
using ILGPU.Runtime;
using Half = System.Half;
using Xunit;
using Xunit.Abstractions;

namespace Cce.Runtime.Tests.Buffers;

[Collection("cpu")]
public sealed class CceTensorTests(CpuDeviceFixture fixture, ITestOutputHelper output)
{
    private CceDevice Device => fixture.Device;

    [Fact]
    public void UploadAndDownloadRoundTripEveryElementType()
    {
        var data = new RandomData(output);
        float[] floats = data.Embeddings(3 * 8);
        Half[] halves = [.. floats.Select(value => (Half)value)];
        BFloat16[] bfloats = [.. floats.Select(value => (BFloat16)value)];
        int[] ints = [.. Enumerable.Range(0, 24).Select(_ => data.Random.Next(int.MinValue, int.MaxValue))];

        Assert.Equal(floats, RoundTrip(floats));
        Assert.Equal(halves, RoundTrip(halves));
        Assert.Equal(bfloats, RoundTrip(bfloats));
        Assert.Equal(ints, RoundTrip(ints));

        T[] RoundTrip<T>(T[] values)
            where T : unmanaged
        {
            using CceTensor<T> tensor = Device.Upload<T>(values, 3, 8);
            Assert.Equal((3, 8, 24L), (tensor.Rows, tensor.Cols, tensor.Length));
            Assert.Same(Device, tensor.Device);
            var copy = new T[24];
            tensor.CopyTo(copy);
            Assert.Equal(values, copy);
            return tensor.ToArray();
        }
    }

    [Fact]
    public void FillSetsEveryElement()
    {
        using CceTensor<float> tensor = Device.Allocate<float>(5, 7);
        tensor.CopyFrom(new RandomData(output).Embeddings(35));

        tensor.Fill(-1.25f);

        Assert.All(tensor.ToArray(), value => Assert.Equal(-1.25f, value));
    }

    [Fact]
    public void WrapBorrowsTheCallersMemory()
    {
        using MemoryBuffer1D<int, Stride1D.Dense> buffer = Device.Accelerator.Allocate1D<int>(6);
        buffer.CopyFromCPU(new[] { 1, 2, 3, 4, 5, 6 });

        using (CceTensor<int> tensor = CceTensor<int>.Wrap(Device, buffer.View, 2, 3))
        {
            Assert.Equal(new[] { 1, 2, 3, 4, 5, 6 }, tensor.ToArray());
            tensor.Fill(9);
        }

        // Disposing the borrowed view left the caller's buffer alive and holding what was written through it.
        Assert.Equal(Enumerable.Repeat(9, 6), buffer.GetAsArray1D());
    }

    [Fact]
    public void WrapRejectsAWrongLengthNamingTheView()
    {
        using MemoryBuffer1D<float, Stride1D.Dense> buffer = Device.Accelerator.Allocate1D<float>(10);

        var error = Assert.Throws<ArgumentException>(() => CceTensor<float>.Wrap(Device, buffer.View, 3, 3));

        Assert.Equal("view", error.ParamName);
        Assert.Contains("9", error.Message, StringComparison.Ordinal);
        Assert.Contains("10", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WrapRejectsMemoryOfAnotherDeviceNamingTheView()
    {
        using CceDevice other = CceDevice.Open(DeviceKind.Cpu);
        using MemoryBuffer1D<float, Stride1D.Dense> buffer = other.Accelerator.Allocate1D<float>(4);

        var error = Assert.Throws<ArgumentException>(() => CceTensor<float>.Wrap(Device, buffer.View, 2, 2));

        Assert.Equal("view", error.ParamName);
    }

    [Fact]
    public void CopiesRejectAWrongLengthNamingTheArgument()
    {
        using CceTensor<float> tensor = Device.Allocate<float>(2, 2);

        Assert.Equal("destination", Assert.Throws<ArgumentException>(() => tensor.CopyTo(new float[3])).ParamName);
        Assert.Equal("source", Assert.Throws<ArgumentException>(() => tensor.CopyFrom(new float[5])).ParamName);
        Assert.Equal("data", Assert.Throws<ArgumentException>(() => Device.Upload<float>(new float[5], 2, 2)).ParamName);
        Assert.Equal("cols", Assert.Throws<ArgumentOutOfRangeException>(() => Device.Allocate<float>(2, 0)).ParamName);
    }

    [Fact]
    public void ADisposedTensorRefusesItsView()
    {
        CceTensor<float> tensor = Device.Allocate<float>(1, 4);
        tensor.Dispose();
        tensor.Dispose();

        Assert.Throws<ObjectDisposedException>(() => tensor.View);
    }
}
