using Cce.Tuning;
using Xunit;

namespace Cce.Runtime.Tests.Tuning;

/// <summary>The plan file: format, de-duplication and concurrent appends.</summary>
public sealed class ShapePlanTests : IDisposable
{
    private readonly TempCache temp = new();

    [Fact]
    public void ConcurrentAppendsKeepEveryDistinctLineOnce()
    {
        string plan = Path.Combine(temp.Root, "sub", "plan.txt");
        Parallel.For(0, 64, i => ShapePlan.Append(plan, new ShapePlanEntry("Shop.Loss", 1 + (i % 8), 1000)));

        IReadOnlyList<ShapePlanEntry> entries = ShapePlan.Read(plan);
        Assert.Equal(8, File.ReadAllLines(plan).Length);
        Assert.Equal(Enumerable.Range(1, 8), entries.Select(e => e.Rows).Order());
    }

    [Fact]
    public void ReadSkipsCommentsAndNamesTheBadLine()
    {
        string plan = Path.Combine(temp.Root, "plan.txt");
        File.WriteAllLines(plan, ["# shapes", "", "A.Loss 4 10", "A.Loss 4"]);

        FormatException error = Assert.Throws<FormatException>(() => ShapePlan.Read(plan));
        Assert.Contains(":4:", error.Message);

        File.WriteAllLines(plan, ["# shapes", "", "A.Loss 4 10", "  B.Loss   8 20  "]);
        Assert.Equal([new ShapePlanEntry("A.Loss", 4, 10), new ShapePlanEntry("B.Loss", 8, 20)], ShapePlan.Read(plan));
    }

    public void Dispose() => temp.Dispose();
}
