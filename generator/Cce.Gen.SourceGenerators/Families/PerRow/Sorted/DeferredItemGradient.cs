using Cce.Gen.SourceGenerators.Emitting;

namespace Cce.Gen.SourceGenerators.Families.PerRow.Sorted;

/// <summary>
/// The sorted pipeline's item gradients in its first pass: none is written there. The negatives' dW is rebuilt per
/// item by the segmented reduction; the positive's coefficient is kept per row for the positives pass.
/// </summary>
internal sealed class DeferredItemGradient : ItemGradientSink
{
    /// <summary>The one instance.</summary>
    public static readonly DeferredItemGradient Instance = new();

    private DeferredItemGradient()
    {
    }

    /// <inheritdoc />
    public override string KeptComment => "Each negative that was kept: gather its row and add its share to dH.";

    /// <inheritdoc />
    public override string RecomputedComment => "Each negative that did not hit the positive: add its share to dH.";

    /// <inheritdoc />
    public override string PassComment(bool logitsKept) =>
        "dH in registers, the logits recomputed: coefficient g * exp(logit - lse) per negative; dW follows in the sorted pass.";

    /// <inheritdoc />
    public override void Prepare(SourceWriter w, RowLayout layout)
    {
    }

    /// <inheritdoc />
    public override void Positive(SourceWriter w, RowLayout layout, string coefficient) =>
        w.Line($"a.RowCoefficients[row] = {coefficient};");

    /// <inheritdoc />
    public override void Negative(SourceWriter w, RowLayout layout, string item, string coefficient)
    {
    }
}
