using System.Text.Json;
using Xunit;

namespace Cce.Cli.Tests.Commands;

/// <summary>
/// <c>cce bench</c> on the shared-set presets: PyTorch is the rival there, the in-batch preset has a slot per row of the
/// call, and <c>--deterministic</c> refuses them, as their kernels add dW rows with atomics.
/// </summary>
public sealed class BenchSharedSetTests
{
    [Fact]
    public void TheSharedSetPresetsRunAgainstPyTorchWithTheirSlotCounts()
    {
        // N = 32 and V = 250 at this scale: the portable kernels, a second or two on the CPU.
        CliRun run = CliRun.Of("bench", "--device", "cpu", "--preset", "shared-beauty,inbatch-beauty", "--scale", "0.001", "--repetitions", "1", "--json");

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Out);
        JsonElement[] rows = [.. json.RootElement.GetProperty("rows").EnumerateArray()];
        Assert.Equal(["shared-beauty", "inbatch-beauty"], rows.Select(r => r.GetProperty("result").GetProperty("preset").GetString()));
        foreach (JsonElement row in rows)
        {
            Assert.Equal("PyTorch", row.GetProperty("rival").GetProperty("name").GetString());
            Assert.True(row.GetProperty("rival").GetProperty("extraGigabytes").GetDouble() > 0);
            Assert.Equal(JsonValueKind.Null, row.GetProperty("ratio").ValueKind);
            JsonElement result = row.GetProperty("result");
            Assert.True(double.IsFinite(result.GetProperty("loss").GetDouble()));
            Assert.True(result.GetProperty("teraFlops").GetDouble() > 0);
        }

        Assert.Equal(511, rows[0].GetProperty("negatives").GetInt32());
        // In-batch, one group for the call: each row's slots are the call's rows.
        Assert.Equal(rows[1].GetProperty("rows").GetInt32(), rows[1].GetProperty("negatives").GetInt32());
    }

    [Fact]
    public void DeterministicRefusesASharedSetPresetAndListsTheOthers()
    {
        CliRun run = CliRun.Of("bench", "--device", "cpu", "--deterministic", "--preset", "beauty,shared-ml20m");

        Assert.Equal(ExitCode.Usage, run.ExitCode);
        Assert.Contains("'shared-ml20m' has no deterministic form", run.Error, StringComparison.Ordinal);
        Assert.Contains("beauty-full", run.Error, StringComparison.Ordinal);
        Assert.Empty(run.Out);
    }
}
