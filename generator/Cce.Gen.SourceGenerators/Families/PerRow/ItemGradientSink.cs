using Cce.Gen.SourceGenerators.Emitting;

namespace Cce.Gen.SourceGenerators.Families.PerRow;

/// <summary>
/// What a per-row gradient pass does with the coefficient of each item it visits (g · (p − onehot) for that item):
/// the pipelines differ only here, so one gradient pass serves them all.
/// </summary>
internal abstract class ItemGradientSink
{
    /// <summary>The comment that opens the gradient pass.</summary>
    public abstract string PassComment(bool logitsKept);

    /// <summary>The comment over the negatives' loop when the logits were kept.</summary>
    public abstract string KeptComment { get; }

    /// <summary>The comment over the negatives' coefficients when the logits were recomputed.</summary>
    public abstract string RecomputedComment { get; }

    /// <summary>Loads what <see cref="Positive"/> and <see cref="Negative"/> need once per row.</summary>
    public abstract void Prepare(SourceWriter w, RowLayout layout);

    /// <summary>Handles the positive item's coefficient, in scope as <paramref name="coefficient"/>, once per row.</summary>
    public abstract void Positive(SourceWriter w, RowLayout layout, string coefficient);

    /// <summary>Handles one negative's coefficient.</summary>
    public abstract void Negative(SourceWriter w, RowLayout layout, string item, string coefficient);
}
