using Cce.Kernels;
using Cce.Runtime.Tests.Infrastructure;
using ILGPU;
using ILGPU.Backends.EntryPoints;
using ILGPU.Backends.PTX;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;
using Xunit;
using Xunit.Abstractions;

namespace Cce.Runtime.Tests.Kernels;

[Collection("cpu")]
public sealed class UniformSamplerKernelTests(CpuDeviceFixture fixture, ITestOutputHelper output)
{
    [Theory]
    [InlineData(7919)]
    [InlineData(1_431_655_766)]
    public void CpuAcceleratorDrawsWhatTheHostDraws(int catalog)
    {
        var data = new RandomData(output);
        ulong seed = (ulong)data.Random.NextInt64();
        ulong step = (ulong)data.Random.NextInt64();
        const int rows = 32;
        const int Slots = SamplerKernel.Slots;
        Accelerator accelerator = fixture.Device.Accelerator;
        var kernel = accelerator.LoadAutoGroupedStreamKernel<Index1D, ArrayView<int>, ArrayView<U4>, uint, uint, uint, uint, int>(SamplerKernel.Sample);
        using MemoryBuffer1D<int, Stride1D.Dense> draws = accelerator.Allocate1D<int>(rows * Slots);
        using MemoryBuffer1D<U4, Stride1D.Dense> blocks = accelerator.Allocate1D<U4>(rows * Slots / 4);

        kernel(rows * Slots, draws.View, blocks.View, (uint)seed, (uint)(seed >> 32), (uint)step, (uint)(step >> 32), catalog);
        int[] device = draws.GetAsArray1D();
        U4[] deviceBlocks = blocks.GetAsArray1D();

        for (int row = 0; row < rows; row++)
        {
            for (int slot = 0; slot < Slots; slot++)
            {
                int host = UniformSampler.Draw(seed, step, row, slot, catalog);
                Assert.Equal(host, device[(row * Slots) + slot]);
                U4 block = deviceBlocks[((row * Slots) + slot) >> 2];
                uint word = (slot & 3) switch { 0 => block.X, 1 => block.Y, 2 => block.Z, _ => block.W };
                Assert.Equal(host, (int)word);
            }
        }
    }

    [Fact]
    public void CompilesToPtxWithoutDoublePrecisionOrLocalMemory()
    {
        using var backend = new PTXBackend(
            fixture.Device.Context, new CudaCapabilityContext(CudaArchitecture.SM_90), CudaArchitecture.SM_90, CudaInstructionSet.ISA_88, null);
        var entry = EntryPointDescription.FromImplicitlyGroupedKernel(typeof(SamplerKernel).GetMethod(nameof(SamplerKernel.Sample))!);
        string ptx = ((PTXCompiledKernel)backend.Compile(entry, KernelSpecialization.Empty)).PTXAssembly;

        // uint→float would go through fp64, and indexed arrays would spill to local memory: both are slow on the GPU.
        Assert.DoesNotContain(".f64", ptx, StringComparison.Ordinal);
        Assert.DoesNotContain(".local", ptx, StringComparison.Ordinal);
    }
}
