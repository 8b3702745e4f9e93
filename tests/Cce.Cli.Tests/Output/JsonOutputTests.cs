using System.Text.Json;
using Cce.Cli.Json;
using Cce.Cli.Reports;
using Xunit;

namespace Cce.Cli.Tests.Output;

/// <summary><c>--json</c> is a bool switch on every verb, and every report names its properties in camelCase.</summary>
public sealed class JsonOutputTests
{
    [Theory]
    [InlineData("--json")]
    [InlineData("--json", "true")]
    [InlineData("--json=true")]
    public void JsonTurnsJsonOn(params string[] option)
    {
        CliRun run = CliRun.Of(["info", .. option]);

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Out);
        Assert.Equal("cpu:0", json.RootElement.GetProperty("devices").EnumerateArray().Last().GetProperty("name").GetString());
    }

    [Fact]
    public void JsonFalseKeepsTheTable()
    {
        CliRun run = CliRun.Of("info", "--json", "false");

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(run.Out));
    }

    [Fact]
    public void VerifyJsonIsOneCamelCaseDocumentAndProgressStaysOffStandardOutput()
    {
        CliRun run = CliRun.Of("verify", "--device", "cpu", "--loss", CliRun.SmallLoss, "--seed", "7", "--json");

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        using JsonDocument json = JsonDocument.Parse(run.Out);
        JsonElement root = json.RootElement;
        Assert.Equal(7, root.GetProperty("seed").GetInt32());
        Assert.Equal(0, root.GetProperty("failed").GetInt32());
        JsonElement first = root.GetProperty("results")[0];
        Assert.Equal(CliRun.SmallLoss, first.GetProperty("loss").GetString());
        Assert.True(first.TryGetProperty("gradHiddenError", out _));
        AssertCamelCase(root);
    }

    [Fact]
    public void CacheJsonUsesTheSameConvention()
    {
        string folder = Directory.CreateTempSubdirectory("cce-cli-tests-").FullName;
        try
        {
            using var cache = new EnvironmentVariable("CCE_CACHE_DIR", folder);

            CliRun list = CliRun.Of("cache", "list", "--json");
            CliRun clear = CliRun.Of("cache", "clear", "--json");

            Assert.Equal(ExitCode.Ok, list.ExitCode);
            using JsonDocument listed = JsonDocument.Parse(list.Out);
            Assert.Equal(0, listed.RootElement.GetProperty("files").GetArrayLength());
            AssertCamelCase(listed.RootElement);
            Assert.Equal(ExitCode.Ok, clear.ExitCode);
            using JsonDocument cleared = JsonDocument.Parse(clear.Out);
            Assert.Equal("clear", cleared.RootElement.GetProperty("action").GetString());
            AssertCamelCase(cleared.RootElement);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void CacheExplainJsonNamesTheLookup()
    {
        string folder = Directory.CreateTempSubdirectory("cce-cli-tests-").FullName;
        try
        {
            using var cache = new EnvironmentVariable("CCE_CACHE_DIR", folder);

            CliRun run = CliRun.Of("cache", "explain", "--loss", "scheme=UniformPerRow;k=7", "--rows", "64", "--catalog", "100", "--candidates", "w4r8f1", "--device", "cpu", "--json");

            Assert.Equal(ExitCode.Ok, run.ExitCode);
            using JsonDocument json = JsonDocument.Parse(run.Out);
            Assert.False(json.RootElement.GetProperty("explanation").GetProperty("hit").GetBoolean());
            Assert.Equal("w4r8f1", json.RootElement.GetProperty("candidates")[0].GetString());
            AssertCamelCase(json.RootElement);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void EveryReportTypeHasSourceGeneratedMetadata()
    {
        using var output = new StringWriter();

        JsonOutput.Write(output, new TuneReport("device's name", "cache", []));
        JsonOutput.Write(output, new ScaleCheckReport("device", 1, [], 0));
        JsonOutput.Write(output, new CacheChangeReport("export", "root", 0, "file", []));
        JsonOutput.Write(output, new FilterBenchReport("device", 1, 1, []));

        Assert.Contains("\"device's name\"", output.ToString(), StringComparison.Ordinal);
    }

    private static void AssertCamelCase(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (JsonProperty property in element.EnumerateObject())
            {
                Assert.True(char.IsLower(property.Name[0]), $"property '{property.Name}' is not camelCase");
                AssertCamelCase(property.Value);
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement item in element.EnumerateArray())
            {
                AssertCamelCase(item);
            }
        }
    }
}
