namespace Cce.Verification;

/// <summary>
/// The verification of a loss with every input and output in memory the CUDA driver allocated in the GPU's primary
/// context (where PyTorch and most CUDA libraries allocate), wrapped by <see cref="CceTensor{T}.FromDevicePointer"/>:
/// the interop contract checked on a real GPU, since ILGPU runs the kernels in a context of its own.
/// </summary>
public static class ForeignMemoryCheck
{
    /// <summary>The suffix of the loss name in the results, telling them from the suite's own.</summary>
    public const string Label = " (primary-context memory)";

    /// <summary>
    /// Verifies Forward, Backward and ForwardBackward of <paramref name="loss"/>'s default variant on the first standard
    /// case, with H, W, targets, dH, dW, the saved LSE and the per-row upstream all in primary-context memory.
    /// </summary>
    /// <param name="loss">The loss to run.</param>
    /// <param name="device">A CUDA device.</param>
    /// <param name="seed">Seed of the random inputs.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="device"/> is not a CUDA device.</exception>
    /// <exception cref="InvalidOperationException">
    /// The CUDA driver refused a call, or the allocation landed in ILGPU's context (the check would prove nothing).
    /// </exception>
    public static IReadOnlyList<VerificationResult> Run(LossEntry loss, CceDevice device, int seed)
    {
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(device);
        if (device.Kind != DeviceKind.Cuda)
        {
            throw new ArgumentException($"Expected a CUDA device: only a GPU has a primary context; got {device}.", nameof(device));
        }

        KernelVariant variant = loss.DefaultOn(device);
        using CatalogLoss instance = loss.Create(device, KernelPlan.Fixed(variant));
        return LossVerifier.Verify(instance, loss.ShortName + Label, variant, VerificationCase.Standard[0], seed, on => new PrimaryContextMemory(on));
    }
}
