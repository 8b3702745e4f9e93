using Cce.Verification;

namespace Cce.Cli.Verification;

/// <summary>One loss of the suite, with what is needed to verify any of its variants without knowing its types.</summary>
public sealed class VerificationEntry
{
    private readonly Func<CceDevice, KernelVariant, VerificationCase, int, IReadOnlyList<VerificationResult>> verify;

    private VerificationEntry(string name, LossDescription description, IReadOnlyList<KernelVariant> variants, KernelVariant portable, Func<CceDevice, KernelVariant, VerificationCase, int, IReadOnlyList<VerificationResult>> verify)
    {
        Name = name;
        Description = description;
        Variants = variants;
        Portable = portable;
        this.verify = verify;
    }

    /// <summary>The loss class name.</summary>
    public string Name { get; }

    /// <summary>What the loss was specialised on.</summary>
    public LossDescription Description { get; }

    /// <summary>The declared (warp-layout) variants.</summary>
    public IReadOnlyList<KernelVariant> Variants { get; }

    /// <summary>The portable variant.</summary>
    public KernelVariant Portable { get; }

    /// <summary>The entry of one generated loss.</summary>
    public static VerificationEntry Of<TLoss, TElement, TGrad>()
        where TLoss : SampledSoftmaxLoss<TElement, TGrad>, ILossKernels<TLoss>
        where TElement : unmanaged
        where TGrad : unmanaged =>
        new(typeof(TLoss).Name, TLoss.Description, TLoss.Variants, TLoss.PortableVariant, LossVerifier.Verify<TLoss, TElement, TGrad>);

    /// <summary>Verifies one variant on one case.</summary>
    public IReadOnlyList<VerificationResult> Verify(CceDevice device, KernelVariant variant, VerificationCase shape, int seed) => verify(device, variant, shape, seed);
}
