using Cce.Kernels;
using Cce.Runtime.Tests.Infrastructure;
using ILGPU;
using ILGPU.Runtime;
using Xunit;
using Xunit.Abstractions;

namespace Cce.Runtime.Tests.Kernels;

/// <summary>The GPU's offset scan, run here on the CPU accelerator against host prefix sums at lengths around its block size.</summary>
[Collection("cpu")]
public sealed class OffsetScanTests(CpuDeviceFixture fixture, ITestOutputHelper output)
{
    [Theory]
    [InlineData(1)]
    [InlineData(1023)]
    [InlineData(1024)]
    [InlineData(1025)]
    [InlineData(3000)]
    public void OffsetsAndCursorsAreTheExclusivePrefixSums(int length)
    {
        var data = new RandomData(output);
        int[] counts = Enumerable.Range(0, length).Select(_ => data.Random.Next(0, 50)).ToArray();
        Accelerator accelerator = fixture.Device.Accelerator;
        int blocks = OffsetScan.Blocks(length);
        using MemoryBuffer1D<int, Stride1D.Dense> countsBuffer = accelerator.Allocate1D(counts);
        using MemoryBuffer1D<int, Stride1D.Dense> offsets = accelerator.Allocate1D<int>(length + 1);
        using MemoryBuffer1D<int, Stride1D.Dense> sums = accelerator.Allocate1D<int>(blocks);
        offsets.View.CopyFromCPU(Enumerable.Repeat(-7, length + 1).ToArray());
        AcceleratorStream stream = accelerator.DefaultStream;

        accelerator.LoadKernel<ArrayView<int>, int, ArrayView<int>>(OffsetScan.SumBlocks)(stream, new KernelConfig(blocks, OffsetScan.Threads), countsBuffer.View, length, sums.View);
        accelerator.LoadKernel<ArrayView<int>, int>(OffsetScan.ScanBlocks)(stream, new KernelConfig(1, OffsetScan.Threads), sums.View, blocks);
        accelerator.LoadKernel<ArrayView<int>, ArrayView<int>, ArrayView<int>, int>(OffsetScan.Apply)(
            stream, new KernelConfig(blocks, OffsetScan.Threads), countsBuffer.View, offsets.View, sums.View, length);
        accelerator.Synchronize();

        int[] expected = new int[length + 1];
        for (int v = 0; v < length; v++)
        {
            expected[v + 1] = expected[v] + counts[v];
        }

        Assert.Equal(expected, offsets.GetAsArray1D());
        Assert.Equal(expected[..length], countsBuffer.GetAsArray1D());
    }
}
