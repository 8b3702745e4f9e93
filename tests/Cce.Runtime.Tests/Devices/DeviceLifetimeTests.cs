using System.Globalization;
using System.Runtime.CompilerServices;
using Cce.Runtime.Tests.Losses;
using Xunit;
using Xunit.Abstractions;

namespace Cce.Runtime.Tests.Devices;

/// <summary>
/// Opening a device, creating a loss on it, running one fused call and disposing everything leaves nothing behind:
/// every object of a cycle (the device, the loss, ILGPU's context and accelerator) is collected, the managed heap
/// does not grow, and the resident set grows by far less than one cycle's objects and buffers would take.
/// </summary>
/// <remarks>
/// The resident set is not flat from the first cycle: every new ILGPU context compiles the kernels again, and for
/// the first few dozen cycles .NET's tiered JIT keeps recompiling ILGPU's compiler at full optimisation (about
/// 1-2.5 MB a cycle, 30-40 MB in all, the same with bare ILGPU compiling the same kernels and absent with
/// <c>DOTNET_TieredCompilation=0</c>). Hence the collection checks, which are exact, and a loose bound on the
/// resident set, which a kept cycle would still exceed.
/// </remarks>
[Collection(DeviceLifetimeCollection.Name)]
public sealed class DeviceLifetimeTests(ITestOutputHelper output)
{
    private const int WarmUpCycles = 4;
    private const int MeasuredCycles = 20;
    private const int Rows = 13;

    /// <summary>65,536 items of D = 16: W and dW take 4 MiB each, so a cycle that kept its buffers would show in the resident set.</summary>
    private const int Catalog = 65_536;

    /// <summary>The managed heap may move by this much per cycle (a kept cycle holds about 5 MB of it).</summary>
    private const long HeapBytesPerCycle = 128 * 1024;

    /// <summary>
    /// The resident set may grow by this much per cycle on average: above the JIT's tier-up, below a kept cycle (about
    /// 10 MB, 18 MB with buffers never freed).
    /// </summary>
    private const long ResidentBytesPerCycle = 6 * 1024 * 1024;

    [Fact]
    public void OpeningAndClosingADeviceRepeatedlyDoesNotRetainMemory()
    {
        float[] hidden = Values(Rows * 16);
        float[] items = Values(Catalog * 16);
        int[] targets = [.. Enumerable.Range(0, Rows).Select(r => (r * 4_099) % Catalog)];
        for (int i = 0; i < WarmUpCycles; i++)
        {
            AssertCollected(Cycle(hidden, items, targets), i);
        }

        long heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        long residentBefore = Environment.WorkingSet;
        var cycles = new List<Tracked[]>();
        for (int i = 0; i < MeasuredCycles; i++)
        {
            cycles.Add(Cycle(hidden, items, targets));
        }

        for (int i = 0; i < cycles.Count; i++)
        {
            AssertCollected(cycles[i], WarmUpCycles + i);
        }

        long heapGrowth = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
        long residentGrowth = Environment.WorkingSet - residentBefore;
        output.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{MeasuredCycles} cycles after {WarmUpCycles} to warm up: managed heap {heapGrowth / 1024.0:+0;-0} KB ({heapGrowth / 1024.0 / MeasuredCycles:+0.0;-0.0} KB a cycle), resident set {residentGrowth / 1048576.0:+0.0;-0.0} MB ({residentGrowth / 1024.0 / MeasuredCycles:+0;-0} KB a cycle)"));
        Assert.True(
            heapGrowth <= HeapBytesPerCycle * MeasuredCycles,
            $"Expected the managed heap to grow by at most {HeapBytesPerCycle * MeasuredCycles} bytes over {MeasuredCycles} cycles; it grew by {heapGrowth}.");
        Assert.True(
            residentGrowth <= ResidentBytesPerCycle * MeasuredCycles,
            $"Expected the resident set to grow by at most {ResidentBytesPerCycle * MeasuredCycles} bytes over {MeasuredCycles} cycles; it grew by {residentGrowth}.");
    }

    /// <summary>One cycle, in a frame of its own so that nothing of it stays reachable from the test's locals.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static Tracked[] Cycle(float[] hiddenHost, float[] itemsHost, int[] targetsHost)
    {
        using CceDevice device = CceDevice.Open("cpu");
        using SampledTestLoss loss = SampledTestLoss.Create(device);
        using CceTensor<float> hidden = device.Upload<float>(hiddenHost, Rows, 16);
        using CceTensor<float> items = device.Upload<float>(itemsHost, Catalog, 16);
        using CceTensor<int> targets = device.Upload<int>(targetsHost, Rows, 1);
        using CceTensor<float> gradHidden = device.Allocate<float>(Rows, 16);
        using CceTensor<float> gradItems = device.Allocate<float>(Catalog, 16);
        LossResult result = loss.ForwardBackward(hidden, items, targets, TestBatch.Seed, TestBatch.Step, gradHidden, gradItems);
        Assert.True(float.IsFinite(result.Loss), $"Expected a finite loss; got {result.Loss}.");
        return [new("device", device), new("loss", loss), new("ILGPU context", device.Context), new("ILGPU accelerator", device.Accelerator)];
    }

    /// <summary>
    /// Collects until every object of the cycle is gone. The worker threads of a disposed CPU accelerator can still be
    /// exiting when the first collection runs, and then (rarely) the last context and accelerator survive it; anything
    /// still reachable after a second of collecting is kept for good.
    /// </summary>
    private static void AssertCollected(Tracked[] cycle, int index)
    {
        for (int attempt = 0; attempt < 20; attempt++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
            if (cycle.All(t => !t.Reference.IsAlive))
            {
                return;
            }

            Thread.Sleep(50);
        }

        Assert.Fail($"Expected every object of cycle {index} to be collected after it was disposed; still reachable: {string.Join(", ", cycle.Where(t => t.Reference.IsAlive).Select(t => t.Name))}.");
    }

    private static float[] Values(int count) => [.. Enumerable.Range(0, count).Select(i => ((i * 37) % 101 - 50) / 100f)];

    private sealed record Tracked(string Name, WeakReference Reference)
    {
        public Tracked(string name, object target)
            : this(name, new WeakReference(target))
        {
        }
    }
}

/// <summary>Tests that measure the whole process's memory: they run alone, after the parallel collections.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DeviceLifetimeCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "device lifetime";
}
