using System.Reflection;
using ILGPU.Runtime.Cuda;

namespace Cce;

/// <summary>
/// ILGPU 1.5.3 writes <c>.target sm_80</c> into the PTX of every sm_80-or-newer GPU, which makes ptxas reject
/// sm_90-only instructions such as the vector reduction <c>red.global.add.v4.f32</c>. Raising the target of
/// the accelerator's capability context to the device's own architecture (before any kernel is compiled)
/// lets the kernels use them; the property has no public setter, hence reflection.
/// </summary>
internal static class PtxTarget
{
    private static readonly MethodInfo? SetTarget =
        typeof(CudaCapabilityContext).GetProperty(nameof(CudaCapabilityContext.TargetArchitecture))?.GetSetMethod(nonPublic: true);

    /// <summary>Raises the PTX target to the device's architecture; true when the device is sm_90 or newer and the target now says so.</summary>
    public static bool RaiseToDevice(CudaAccelerator accelerator)
    {
        CudaCapabilityContext capabilities = accelerator.Capabilities;
        if (accelerator.Architecture < CudaArchitecture.SM_90 || SetTarget is null)
        {
            return false;
        }

        SetTarget.Invoke(capabilities, [accelerator.Architecture]);
        return capabilities.TargetArchitecture == accelerator.Architecture;
    }
}
