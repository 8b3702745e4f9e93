using System.Text.RegularExpressions;
using Cce.Families.Matrix;
using ILGPU;
using ILGPU.Backends.EntryPoints;
using ILGPU.Backends.PTX;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;
using Xunit;

namespace Cce.Runtime.Tests.Families;

/// <summary>
/// The warpgroup kernels as the driver will see them, without a GPU: ILGPU's PTX backend compiles a generated kernel on a
/// CPU-only context (as on a GPU: O2, the intrinsics registered), and the loader's re-targeting patches the text.
/// </summary>
public sealed class Sm90aPtxTests
{
    [Fact]
    public void RetargetingRaisesTheTargetAndTheIsaAndDropsSelfMoves()
    {
        const string ptx = ".version 7.8\n.target sm_80\n.address_size 64\n\tmov.f32\t%f1, %f1;\n\tmov.f32\t%f2, %f1;\n\tmov.b32 %r7, %r7;\n";

        string patched = Sm90aKernelLoader.Retarget(ptx);

        Assert.Equal(".version 8.0\n.target sm_90a\n.address_size 64\n\tmov.f32\t%f2, %f1;\n", patched);
    }

    [Fact]
    public void RetargetingKeepsANewerIsa() =>
        Assert.StartsWith(".version 8.8\n.target sm_90a\n", Sm90aKernelLoader.Retarget(".version 8.8\n.target sm_80\n"), StringComparison.Ordinal);

    [Fact]
    public void GeneratedWarpGroupKernelsCompileToSm90aPtxWithoutAGpu()
    {
        using Context context = DeviceCatalog.CreateContext(DeviceKind.Cuda);
        var backend = new PTXBackend(context, new CudaCapabilityContext(CudaArchitecture.SM_90), CudaArchitecture.SM_90, CudaInstructionSet.ISA_88, null);
        var variant = (MatrixVariant)LossEntry.Of<WarpGroupOnlyLoss>().Variants[0];
        var bounds = new KernelSpecialization(variant.MatrixTile.ThreadsPerGroup, 1);

        foreach (Action<MatrixArguments> kernel in new[] { variant.ForwardGradientRows, variant.GradientItems })
        {
            var compiled = (PTXCompiledKernel)backend.Compile(EntryPointDescription.FromExplicitlyGroupedKernel(kernel.Method), bounds);
            string ptx = Sm90aKernelLoader.Retarget(compiled.PTXAssembly);
            string entry = ptx[ptx.IndexOf(".visible .entry", StringComparison.Ordinal)..];

            Assert.Matches(new Regex(@"^\.target sm_90a$", RegexOptions.Multiline), ptx);
            // The logits: D / 16 = 4 instructions of N = Items = 128 from shared memory; the gradient: Items / 16 = 8 of
            // N = D = 64 with A in registers.
            Assert.Equal(4, Regex.Matches(entry, @"wgmma\.mma_async\.sync\.aligned\.m64n128k16\.f32\.bf16\.bf16").Count);
            Assert.Equal(8, Regex.Matches(entry, @"wgmma\.mma_async\.sync\.aligned\.m64n64k16\.f32\.bf16\.bf16").Count);
            Assert.DoesNotMatch(new Regex(@"^\s*mov\.\w+\s+(%\w+),\s*\1;", RegexOptions.Multiline), ptx);
            AssertNoAccumulatorCopies(entry);
        }
    }

    /// <summary>
    /// Between a fence and its commit nothing but the instructions and their operands' arithmetic: a move there would be
    /// a copy of the accumulators, which makes ptxas wait for each instruction before the next.
    /// </summary>
    private static void AssertNoAccumulatorCopies(string entry)
    {
        bool open = false;
        foreach (string line in entry.Split('\n'))
        {
            open = (open || line.Contains("wgmma.fence", StringComparison.Ordinal)) && !line.Contains("wgmma.commit_group", StringComparison.Ordinal);
            Assert.False(open && Regex.IsMatch(line, @"^\s*mov\.(f32|b32)\s+%f"), line);
        }
    }
}
