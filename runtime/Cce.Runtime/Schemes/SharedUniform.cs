using Cce.Families.Matrix;
using Cce.Kernels;

namespace Cce.Schemes;

/// <summary>
/// Each group of G consecutive rows shares one set of K uniform draws, made inside the kernels by
/// <see cref="UniformSampler"/> from (seed, step, group, slot) and made again by the backward pass; a draw equal to a
/// row's positive is masked for that row only. The matrix kernels gather the set and multiply it with the group's rows.
/// </summary>
internal sealed class SharedUniform : MatrixScheme
{
    public static SharedUniform Instance { get; } = new();

    public override NegativeScheme Scheme => NegativeScheme.SharedUniform;

    public override void Validate(in NegativeSource source, CceDevice device, int rows, int catalog, LossDescription description) =>
        Sampled.Validate(source, description);

    public override void Bind(ref MatrixArguments arguments, in NegativeSource source, LossDescription description, int rows, int catalog)
    {
        (arguments.SeedLo, arguments.SeedHi, arguments.StepLo, arguments.StepHi) = Sampled.Words(source);
        arguments.GroupRows = description.GroupSize(rows);
        arguments.Slots = description.Negatives;
        arguments.Correction = CorrectionTerm.For(description.Correction, description.Scheme, description.Negatives, catalog);
    }

    public override SchemeInputs Synthetic(CceDevice device, SyntheticBatch batch) =>
        new Draws(batch.Seed, batch.Catalog, batch.Description.GroupSize(batch.Rows));

    private sealed class Draws(ulong seed, int catalog, int groupRows) : SchemeInputs
    {
        public override NegativeSource Source(ulong step) => NegativeSource.Sampled(seed, step);

        public override int Negative(int row, int slot, ulong step) => UniformSampler.Draw(seed, step, row / groupRows, slot, catalog);
    }
}
