using Cce.Families.PerRow;
using Cce.Tuning;
using Cce.Verification;
using ILGPU;

namespace Cce.Schemes;

/// <summary>The caller passes an [N, K] int32 tensor of negatives; the kernels read it and the device range-checks it.</summary>
internal sealed class Explicit : PerRowScheme
{
    /// <summary>Random streams of the synthetic negatives (beside <see cref="SyntheticValues"/>' own).</summary>
    private const ulong HitStream = 11, DuplicateStream = 12, SourceSlotStream = 13;

    public static Explicit Instance { get; } = new();

    public override NegativeScheme Scheme => NegativeScheme.Explicit;

    public override void Validate(in NegativeSource source, CceDevice device, int rows, int catalog, LossDescription description)
    {
        if (source.Explicit is not CceTensor<int> given)
        {
            throw new ArgumentException(
                source.Distribution is null
                    ? "Expected explicit negatives for the Explicit scheme; got a sampling seed."
                    : "Expected explicit negatives for the Explicit scheme; got a catalog distribution.",
                "negatives");
        }

        InputValidation.Matrix(given, device, "negatives", rows, description.Negatives);
    }

    public override ArrayView<int> CheckedIndices(in NegativeSource source) => source.Explicit!.View;

    public override void Bind(ref PerRowArguments arguments, in NegativeSource source, LossDescription description, int catalog)
    {
        base.Bind(ref arguments, source, description, catalog);
        arguments.SchemeIndices = source.Explicit!.View;
    }

    public override CceTensor<int>? Upload(CceDevice device, ReadOnlySpan<int> negatives, int rows, LossDescription description)
    {
        long expected = (long)rows * description.Negatives;
        if (negatives.Length != expected)
        {
            throw new ArgumentException($"Expected {rows} x {description.Negatives} = {expected} negatives; got {negatives.Length}.", nameof(negatives));
        }

        return device.Upload(negatives, rows, description.Negatives);
    }

    public override SchemeInputs Synthetic(CceDevice device, SyntheticBatch batch) => new Planted(device, batch);

    /// <summary>
    /// Uniform negatives with planted traps: some equal to the row's positive (accidental hits), some copied from an
    /// earlier slot (duplicates). Each is a pure function of (seed, row, slot), so the host never stores [N, K].
    /// </summary>
    private sealed class Planted : SchemeInputs
    {
        private readonly SyntheticBatch batch;
        private readonly CceTensor<int> uploaded;

        public Planted(CceDevice device, SyntheticBatch batch)
        {
            this.batch = batch;
            uploaded = device.Upload<int>(All(batch.Rows, batch.Description.Negatives, 0), batch.Rows, batch.Description.Negatives);
        }

        public override NegativeSource Source(ulong step) => NegativeSource.FromTensor(uploaded);

        public override int Negative(int row, int slot, ulong step)
        {
            long index = ((long)row * batch.Description.Negatives) + slot;
            int target = batch.Targets[row];
            if (target >= 0 && SyntheticValues.Chance(batch.Seed, HitStream, index, batch.PlantedHitFraction))
            {
                return target;
            }

            if (slot > 0 && SyntheticValues.Chance(batch.Seed, DuplicateStream, index, batch.PlantedDuplicateFraction))
            {
                return Negative(row, SyntheticValues.Below(batch.Seed, SourceSlotStream, index, slot), step);
            }

            return SyntheticValues.Below(batch.Seed, SyntheticValues.Negatives, index, batch.Catalog);
        }

        public override void Dispose() => uploaded.Dispose();
    }
}
