using Cce.Kernels;

namespace Cce.Schemes;

/// <summary>K i.i.d. uniform draws per row, made inside the kernels by <see cref="UniformSampler"/> from (seed, step, row, slot).</summary>
internal sealed class UniformPerRow : PerRowScheme
{
    public static UniformPerRow Instance { get; } = new();

    public override NegativeScheme Scheme => NegativeScheme.UniformPerRow;

    public override void Validate(in NegativeSource source, CceDevice device, int rows, int catalog, LossDescription description) =>
        Sampled.Validate(source, description);

    public override SchemeInputs Synthetic(CceDevice device, SyntheticBatch batch) => new Draws(batch.Seed, batch.Catalog);

    private sealed class Draws(ulong seed, int catalog) : SchemeInputs
    {
        public override NegativeSource Source(ulong step) => NegativeSource.Sampled(seed, step);

        public override int Negative(int row, int slot, ulong step) => UniformSampler.Draw(seed, step, row, slot, catalog);
    }
}
