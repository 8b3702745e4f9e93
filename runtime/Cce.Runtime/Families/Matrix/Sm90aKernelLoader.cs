using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using ILGPU;
using ILGPU.Backends.EntryPoints;
using ILGPU.Backends.PTX;
using ILGPU.Runtime;
using ILGPU.Runtime.Cuda;

namespace Cce.Families.Matrix;

/// <summary>
/// Compiles and loads kernels built from <see cref="Kernels.WarpGroupUnits"/>: ILGPU 1.5.3 targets at most sm_80, whose
/// PTX the driver refuses to JIT with a wgmma in it, so each kernel's PTX is re-targeted to sm_90a between ILGPU's
/// compilation and the driver's load. Such kernels bypass ILGPU's kernel cache; this class keeps its own, one per
/// accelerator, so a variant loaded again (a tuner's candidates, then the loss it picks) compiles once.
/// </summary>
internal static partial class Sm90aKernelLoader
{
    /// <summary>The architecture the re-targeted kernels need, as reports name it.</summary>
    public const string Architecture = "sm_90a";

    /// <summary>The compute capability of the only GPUs that run sm_90a code (Hopper): architecture-specific code runs on no later GPU.</summary>
    public const string ComputeCapability = "9.0";

    /// <summary>PTX ISA 8.0 introduced wgmma.</summary>
    private const int MinimumIsaMajor = 8;

    // The PTX text of a compiled kernel is a get-only auto-property; its backing field is where the loader reads it.
    private static readonly FieldInfo PtxField =
        typeof(PTXCompiledKernel).GetField("<PTXAssembly>k__BackingField", BindingFlags.Instance | BindingFlags.NonPublic)
        ?? throw new MissingFieldException(nameof(PTXCompiledKernel), "<PTXAssembly>k__BackingField");

    private static readonly ConditionalWeakTable<Accelerator, Dictionary<(MethodInfo, int, int), Kernel>> Loaded = new();

    /// <summary>Whether <paramref name="device"/> runs sm_90a kernels: a CUDA GPU of compute capability 9.0.</summary>
    public static bool Supports(CceDevice device) =>
        device.Kind == DeviceKind.Cuda && device.Fingerprint.ComputeCapability == ComputeCapability;

    /// <summary>
    /// The launcher of <paramref name="kernel"/> (an explicitly grouped kernel over <typeparamref name="TArguments"/>) on
    /// <paramref name="accelerator"/>, compiled with <paramref name="bounds"/>, re-targeted to sm_90a and allowed
    /// <paramref name="sharedBytes"/> of dynamic shared memory.
    /// </summary>
    public static Action<AcceleratorStream, KernelConfig, TArguments> Load<TArguments>(Accelerator accelerator, Action<TArguments> kernel, KernelSpecialization bounds, int sharedBytes)
        where TArguments : struct
    {
        if (accelerator is not CudaAccelerator cuda)
        {
            throw new NotSupportedException($"{kernel.Method.Name} is built from Hopper's wgmma ({Architecture}) and runs on a CUDA GPU of compute capability {ComputeCapability} only; {accelerator.Name} is no such GPU.");
        }

        Dictionary<(MethodInfo, int, int), Kernel> cache = Loaded.GetValue(accelerator, _ => []);
        var key = (kernel.Method, bounds.MaxNumThreadsPerGroup ?? 0, bounds.MinNumGroupsPerMultiprocessor ?? 0);
        Kernel? loaded;
        lock (cache)
        {
            if (!cache.TryGetValue(key, out loaded))
            {
                var compiled = (PTXCompiledKernel)cuda.Backend.Compile(EntryPointDescription.FromExplicitlyGroupedKernel(kernel.Method), bounds);
                PtxField.SetValue(compiled, Retarget(compiled.PTXAssembly));
                loaded = accelerator.LoadKernel(compiled);
                cache.Add(key, loaded);
            }
        }

        CudaSharedMemoryOptIn.Apply(accelerator, loaded, sharedBytes);
        return loaded.CreateLauncherDelegate<Action<AcceleratorStream, KernelConfig, TArguments>>();
    }

    /// <summary>
    /// The PTX of a kernel, re-targeted to sm_90a: the <c>.target</c> line rewritten, the ISA raised to 8.0 where it is
    /// lower, and the self-moves ILGPU writes for loop-carried values (<c>mov.f32 %f1, %f1;</c>) removed: they do nothing,
    /// but inside a wgmma chain ptxas would count them as other writes of the accumulators and serialize the chain.
    /// </summary>
    public static string Retarget(string ptx)
    {
        ArgumentNullException.ThrowIfNull(ptx);
        string patched = TargetLine().Replace(ptx, ".target " + Architecture, 1);
        Match version = VersionLine().Match(patched);
        if (version.Success && int.Parse(version.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) < MinimumIsaMajor)
        {
            patched = patched.Remove(version.Index, version.Length).Insert(version.Index, ".version 8.0");
        }

        return SelfMove().Replace(patched, string.Empty);
    }

    [GeneratedRegex(@"^\.target\s+sm_\d+a?", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex TargetLine();

    [GeneratedRegex(@"^\.version\s+(\d+)\.(\d+)", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex VersionLine();

    [GeneratedRegex(@"^[ \t]*mov\.\w+[ \t]+(%\w+),[ \t]*\1;[ \t]*\r?\n", RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex SelfMove();
}
