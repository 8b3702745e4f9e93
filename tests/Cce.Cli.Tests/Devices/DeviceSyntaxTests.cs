using Xunit;

namespace Cce.Cli.Tests.Devices;

/// <summary>One device syntax in <c>--device</c>, in <c>CCE_DEVICE</c> and in what <c>cce info</c> prints.</summary>
public sealed class DeviceSyntaxTests
{
    [Theory]
    [InlineData("cpu")]
    [InlineData("cpu:0")]
    [InlineData("CPU")]
    public void Device_accepts_every_spelling_of_the_cpu(string name)
    {
        CliRun run = CliRun.Of("verify", "--device", name, "--loss", CliRun.SmallLoss, "--seed", "3");

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        Assert.Contains("device: cpu:0", run.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("gpu")]
    [InlineData("cpu:1")]
    [InlineData("cuda:-1")]
    [InlineData("cuda:x")]
    [InlineData("")]
    public void Device_rejects_what_is_not_a_device_name_listing_the_forms(string name)
    {
        CliRun run = CliRun.Of("info", "--device", name);

        Assert.Equal(ExitCode.Usage, run.ExitCode);
    }

    [Theory]
    [InlineData("gpu")]
    [InlineData("cpu:1")]
    [InlineData("cuda:x")]
    public void Verify_device_errors_name_the_value_and_the_accepted_forms(string name)
    {
        CliRun run = CliRun.Of("verify", "--device", name);

        Assert.Equal(ExitCode.Usage, run.ExitCode);
        Assert.Contains($"'{name}'", run.Error, StringComparison.Ordinal);
        Assert.Contains(DeviceName.AcceptedForms, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_device_the_machine_lacks_is_a_device_failure()
    {
        CliRun run = CliRun.Of("verify", "--device", "cuda:999", "--loss", CliRun.SmallLoss);

        Assert.Equal(ExitCode.RuntimeFailure, run.ExitCode);
        Assert.Contains("cuda:999", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public void Info_lists_devices_under_the_names_device_accepts()
    {
        CliRun run = CliRun.Of("info");

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        string[] names = [.. run.Out.Split('\n').Select(l => l.Split(' ')[0]).Where(w => w.StartsWith("cpu", StringComparison.Ordinal) || w.StartsWith("cuda", StringComparison.Ordinal))];
        Assert.Contains("cpu:0", names);
        Assert.All(names, n => Assert.True(DeviceName.TryParse(n, out DeviceName parsed) && parsed.ToString() == n, n));
    }

    [Theory]
    [InlineData("cpu")]
    [InlineData("cpu:0")]
    public void Cce_device_takes_the_same_syntax(string name)
    {
        using var device = new EnvironmentVariable(CceDevice.DeviceVariable, name);

        CliRun run = CliRun.Of("verify", "--loss", CliRun.SmallLoss, "--seed", "4");

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        Assert.Contains("device: cpu:0", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_cce_device_is_a_usage_error_naming_the_variable()
    {
        using var device = new EnvironmentVariable(CceDevice.DeviceVariable, "gpu");

        CliRun run = CliRun.Of("info");

        Assert.Equal(ExitCode.Usage, run.ExitCode);
        Assert.Contains("CCE_DEVICE", run.Error, StringComparison.Ordinal);
        Assert.Contains("'gpu'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Device_wins_over_cce_device()
    {
        using var device = new EnvironmentVariable(CceDevice.DeviceVariable, "gpu");

        CliRun run = CliRun.Of("verify", "--device", "cpu", "--loss", CliRun.SmallLoss, "--seed", "5");

        Assert.Equal(ExitCode.Ok, run.ExitCode);
    }
}
