using System.Runtime.InteropServices;
using Cce.Kernels;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;

namespace Cce;

/// <summary>Finds the devices of this machine and builds the ILGPU contexts they run in.</summary>
internal static class DeviceCatalog
{
    private static readonly object ResolverLock = new();
    private static bool resolverInstalled;
    private static int? cudaCount;

    /// <summary>
    /// A context for a device of <paramref name="kind"/>: the CPU accelerator's Nvidia-like device (warp 32) and every
    /// CUDA device, the algorithms library (fast exp/log on the GPU) and profiling markers for timing. GPU kernels get
    /// ILGPU's full optimisation (O2). CPU kernels get O0: there ILGPU emits IL that the .NET JIT optimises anyway, and
    /// ILGPU's structure and loop passes cost seconds per kernel on the long straight-line portable kernels while the
    /// kernels run no slower without them.
    /// </summary>
    public static Context CreateContext(DeviceKind kind)
    {
        InstallCudaResolver();
        Context context = Context.Create(builder => builder
            .CPU(CPUDeviceKind.Nvidia)
            .Cuda()
            .EnableAlgorithms()
            .Profiling()
            .Optimize(kind == DeviceKind.Cpu ? OptimizationLevel.O0 : OptimizationLevel.O2));
        MatrixUnits.Register(context);
        WarpGroupUnits.Register(context);
        return context;
    }

    /// <summary>Number of CUDA devices, counted once per process.</summary>
    public static int CudaDeviceCount()
    {
        if (cudaCount is int known)
        {
            return known;
        }

        using Context context = CreateContext(DeviceKind.Cuda);
        int count = context.GetCudaDevices().Count;
        cudaCount = count;
        return count;
    }

    /// <summary>
    /// ILGPU imports the driver as <c>cuda</c>, which .NET looks up as <c>libcuda.so</c>; many Linux
    /// machines only have <c>libcuda.so.1</c>, so without this no GPU would ever be found.
    /// </summary>
    private static void InstallCudaResolver()
    {
        lock (ResolverLock)
        {
            if (resolverInstalled || !OperatingSystem.IsLinux())
            {
                return;
            }

            resolverInstalled = true;
            try
            {
                NativeLibrary.SetDllImportResolver(typeof(Context).Assembly, ResolveCuda);
            }
            catch (InvalidOperationException)
            {
                // ILGPU installed its own resolver (WSL): it already knows where the driver is.
            }
        }
    }

    private static IntPtr ResolveCuda(string name, System.Reflection.Assembly assembly, DllImportSearchPath? path)
    {
        if (name != "cuda" && name != "nvcuda")
        {
            return IntPtr.Zero;
        }

        foreach (string candidate in new[] { "libcuda.so", "libcuda.so.1" })
        {
            if (NativeLibrary.TryLoad(candidate, assembly, path, out IntPtr handle))
            {
                return handle;
            }
        }

        return IntPtr.Zero;
    }
}
