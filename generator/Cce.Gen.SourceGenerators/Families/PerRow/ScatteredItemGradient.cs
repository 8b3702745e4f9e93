using Cce.Gen.SourceGenerators.Emitting;

namespace Cce.Gen.SourceGenerators.Families.PerRow;

/// <summary>The fused pipeline's item gradients: each coefficient times h, added into dW at once with fp32 atomics.</summary>
internal sealed class ScatteredItemGradient : ItemGradientSink
{
    /// <summary>The one instance.</summary>
    public static readonly ScatteredItemGradient Instance = new();

    private ScatteredItemGradient()
    {
    }

    /// <inheritdoc />
    public override string KeptComment => "Each negative that was kept: gather its row, add its share to dH and scatter its dW.";

    /// <inheritdoc />
    public override string RecomputedComment => "Each negative that did not hit the positive: add its share to dH and scatter its dW.";

    /// <inheritdoc />
    public override string PassComment(bool logitsKept) => logitsKept
        ? "Pass 2: dH in registers, dW scattered, from the kept logits: coefficient g * exp(logit - lse) per negative."
        : "Pass 2: dH in registers, dW scattered, the logits recomputed: coefficient g * exp(logit - lse) per negative.";

    /// <inheritdoc />
    public override void Prepare(SourceWriter w, RowLayout layout) => layout.LoadScatterHidden(w);

    /// <inheritdoc />
    public override void Positive(SourceWriter w, RowLayout layout, string coefficient) => layout.ScatterItemGradient(w, "target", coefficient);

    /// <inheritdoc />
    public override void Negative(SourceWriter w, RowLayout layout, string item, string coefficient) => layout.ScatterItemGradient(w, item, coefficient);
}
