using Cce.Gen.SourceGenerators.Emitting;
using Cce.Gen.SourceGenerators.Models;
using Cce.Gen.SourceGenerators.Schemes;

namespace Cce.Gen.SourceGenerators.Families.PerRow;

/// <summary>
/// The fused pipeline of the per-row family, where each row has its own K negatives: one kernel per operation,
/// the item gradients scattered into dW with fp32 atomics as the gradient pass meets them.
/// </summary>
internal sealed class PerRowKernelEmitter : PerRowCode
{
    /// <summary>Prepares the kernels of one layout of a loss, drawing negatives by <paramref name="scheme"/>.</summary>
    public PerRowKernelEmitter(SourceWriter writer, LossSettings settings, RowLayout layout, PerRowSchemeEmitter scheme)
        : base(writer, settings, layout, scheme)
    {
    }

    /// <summary>Writes the entry point of <paramref name="mode"/>.</summary>
    public void Emit(KernelMode mode)
    {
        bool forward = mode != KernelMode.Backward;
        bool gradients = mode != KernelMode.Forward;
        bool keepLogits = mode == KernelMode.ForwardBackward && Layout.KeepsLogits;
        OpenRow(Layout.Name(mode), Describe(mode), IgnoredRow(mode), forward, gradients, keepLogits);
        W.Line();
        if (forward)
        {
            EmitLogSumExpPass(keepLogits);
        }
        else
        {
            W.Comment("The log-sum-exp the forward pass saved.");
            W.Line("float lse = a.RowLse[row];");
        }

        if (gradients)
        {
            W.Line();
            EmitGradientPass(keepLogits, ScatteredItemGradient.Instance);
        }

        W.Close();
        W.Close();
    }

    private static string Describe(KernelMode mode) => mode switch
    {
        KernelMode.Forward => "Loss and log-sum-exp of each row",
        KernelMode.Backward => "Gradients of each row from its saved log-sum-exp",
        _ => "Loss, log-sum-exp and gradients of each row in one pass",
    };

    private static string IgnoredRow(KernelMode mode) => mode switch
    {
        KernelMode.Forward => "has loss and log-sum-exp 0",
        KernelMode.Backward => "has dH 0",
        _ => "has loss, log-sum-exp and dH 0",
    };
}
