using Cce.Gen.SourceGenerators.Emitting;
using Cce.Gen.SourceGenerators.Models;
using Cce.Gen.SourceGenerators.Schemes;
using static Cce.Gen.SourceGenerators.Emitting.InvariantText;

namespace Cce.Gen.SourceGenerators.Families.PerRow.Sorted;

/// <summary>
/// Pass 1 of the sorted pipeline: per row, each sampled item row gathered once. The fused forward-backward keeps a
/// softmax-weighted sum of the item rows beside its online log-sum-exp, rescaled as the max moves, so dH needs no
/// second gather; the backward pass from a saved LSE gathers once anyway. No dW here: the positive's coefficient
/// is stored per row, and the negatives' dW is the sorted pass's work. With deterministic gradients both gradient
/// passes also raise the bound of the terms of every dW sum to the row's |g| · max|h|.
/// </summary>
internal sealed class GatherPassEmitter : PerRowCode
{
    /// <summary>Prepares the first-pass kernels of one layout of a loss.</summary>
    public GatherPassEmitter(SourceWriter writer, LossSettings settings, RowLayout layout, PerRowSchemeEmitter scheme)
        : base(writer, settings, layout, scheme)
    {
    }

    /// <summary>Writes the first-pass entry point of <paramref name="mode"/>.</summary>
    public void Emit(KernelMode mode)
    {
        switch (mode)
        {
            case KernelMode.Forward:
                OpenRow(Layout.Name(mode), "Loss and log-sum-exp of each row", "has loss and log-sum-exp 0", forward: true, gradients: false, keepLogits: false);
                W.Line();
                EmitLogSumExpPass(keepLogits: false);
                break;
            case KernelMode.Backward:
                OpenRow(Layout.Name(mode), "dH of each row from its saved log-sum-exp, and the coefficient of its positive's dW row", "has dH 0", forward: false, gradients: true, keepLogits: false);
                W.Line();
                W.Comment("The log-sum-exp the forward pass saved.");
                W.Line("float lse = a.RowLse[row];");
                W.Line();
                EmitGradientPass(logitsKept: false, DeferredItemGradient.Instance);
                EmitTermBound();
                break;
            default:
                OpenRow(Layout.Name(mode), "Loss, log-sum-exp and dH of each row in one gather, and the coefficient of its positive's dW row", "has loss, log-sum-exp and dH 0", forward: true, gradients: true, keepLogits: false);
                W.Line();
                EmitLogSumExpPass(keepLogits: false, accumulate: true);
                W.Line();
                EmitHiddenGradientFromAccumulator();
                EmitTermBound();
                break;
        }

        W.Close();
        W.Close();
    }

    /// <summary>
    /// With deterministic gradients, raises <c>a.TermBound</c> to this row's |g| · max|h|: every term coefficient · h of a
    /// dW sum is at most that (a probability is at most 1), so the reduction can size its fixed point from it. A row
    /// whose bound is not finite is left out; its terms poison their sums with NaN instead.
    /// </summary>
    private void EmitTermBound()
    {
        if (!Settings.DeterministicGradients)
        {
            return;
        }

        W.Line();
        W.Comment("The bound of this row's terms in the deterministic dW sums: |g| times the largest |h|.");
        W.Line($"float hm = {GlobalNames.System}MathF.Abs(h0);");
        for (int e = 1; e < ElementsPerLane; e++)
        {
            W.Line(Invariant($"hm = {Max}(hm, {GlobalNames.System}MathF.Abs(h{e}));"));
        }

        for (int offset = Geometry.LanesPerItem / 2; offset >= 1; offset >>= 1)
        {
            W.Line(Invariant($"hm = {Max}(hm, {Ilgpu}Warp.ShuffleXor(hm, {offset}));"));
        }

        W.Line($"float bound = {GlobalNames.System}MathF.Abs(g) * hm;");
        Layout.When(W, "lane == 0", () => W.Block("if (bound <= float.MaxValue)", () =>
            W.Line($"{Ilgpu}Atomic.Max(ref a.TermBound[0], {Ilgpu}Interop.FloatAsInt(bound));")));
    }

    /// <summary>dH = g · (acc / sum − w_y): the softmax-weighted item rows minus the positive's row.</summary>
    private void EmitHiddenGradientFromAccumulator()
    {
        RowUpstream();
        W.Comment("dH = g * (sum_j p_j w_j - w_y), p over the positive and the kept negatives; the positive's dW coefficient g * (p_y - 1) waits for the positives pass.");
        W.Line("float inverse = 1f / sum;");
        for (int e = 0; e < ElementsPerLane; e++)
        {
            W.Line(Invariant($"float dh{e} = g * (acc{e} * inverse - wp{e});"));
        }

        Layout.When(W, "lane == 0", () => W.Line($"a.RowCoefficients[row] = g * ({Exp}(s0 - lse) - 1f);"));
        W.Line();
        W.Comment("Write dH in its element type.");
        WriteHiddenGradient(zero: false);
    }
}
