using Cce.Families.Matrix;

namespace Cce.Schemes;

/// <summary>
/// Every item of the catalog is a candidate of every row: the full cross-entropy, run by the matrix kernels. There is
/// nothing to draw and nothing to correct; the reference sees the catalog as V negatives per row, the positive's own
/// slot masked like an accidental hit, which leaves exactly the log-sum-exp over all items.
/// </summary>
internal sealed class FullCatalog : MatrixScheme
{
    public static FullCatalog Instance { get; } = new();

    public override NegativeScheme Scheme => NegativeScheme.FullCatalog;

    public override void Validate(in NegativeSource source, CceDevice device, int rows, int catalog, LossDescription description)
    {
        if (source.Explicit is not null || source.Distribution is not null)
        {
            throw new ArgumentException(
                $"Expected no negatives for the FullCatalog scheme, whose candidates are every item; got {(source.Explicit is not null ? "explicit negatives" : "a catalog distribution")}.",
                "negatives");
        }
    }

    public override bool SharesCandidates => false;

    /// <summary>Nothing to bind: the kernels stream the catalog itself, uncorrected.</summary>
    public override void Bind(ref MatrixArguments arguments, in NegativeSource source, LossDescription description, int rows, int catalog)
    {
    }

    public override Func<int, double> ReferenceCorrection(LossDescription description, int rows, int catalog, in NegativeSource source) => _ => 0.0;

    public override SchemeInputs Synthetic(CceDevice device, SyntheticBatch batch) => new EveryItem();

    private sealed class EveryItem : SchemeInputs
    {
        public override NegativeSource Source(ulong step) => default;

        public override int Negative(int row, int slot, ulong step) => slot;
    }
}
