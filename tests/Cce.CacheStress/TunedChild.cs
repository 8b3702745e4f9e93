using Cce.Tuning.Cache;

namespace Cce.CacheStress;

/// <summary>A tiny loss with two candidates, tuned in a child process.</summary>
[CatalogLoss(Scheme = NegativeScheme.UniformPerRow, Negatives = 3, HiddenSize = 32, Element = ElementType.Float32)]
[PerRowTile(Warps = 1, RowsPerGroup = 1, ItemsInFlight = 1)]
[PerRowTile(Warps = 2, RowsPerGroup = 2, ItemsInFlight = 2)]
public sealed partial class ChildLoss;

/// <summary>Creates <see cref="ChildLoss"/> with tuning on and runs one fused pass, so the tuner's log shows a hit or a miss.</summary>
public static class TunedChild
{
    public static int Run(string cacheRoot)
    {
        using CceDevice device = CceDevice.Open(DeviceKind.Cpu);
        TuningOptions options = TuningOptions.FromEnvironment() with
        {
            Cache = new TuningCache(cacheRoot),
            TuneOnCpu = true,
            Log = Console.Out,

            // Launches on the CPU accelerator are slow; one timed launch per candidate keeps the child quick.
            Timing = new TimingPlan(0, 1, 1, 1, 0.02),
        };

        using ChildLoss loss = LossFactory.Create<ChildLoss>(device, options);
        const int Rows = 4, Catalog = 37, Hidden = 32;
        float[] hidden = [.. Enumerable.Range(0, Rows * Hidden).Select(i => ((i % 7) - 3) * 0.1f)];
        float[] items = [.. Enumerable.Range(0, Catalog * Hidden).Select(i => ((i % 5) - 2) * 0.1f)];
        HostLossResult<float> result = loss.ForwardBackward(hidden, items, [1, 2, 3, 4], seed: 1, step: 0);
        Console.WriteLine(FormattableString.Invariant($"tile {loss.Tile} loss {result.Loss}"));
        return float.IsFinite(result.Loss) ? 0 : 1;
    }
}
