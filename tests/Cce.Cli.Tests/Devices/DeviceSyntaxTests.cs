using Xunit;

namespace Cce.Cli.Tests.Devices;

/// <summary>One device syntax in <c>--device</c>, in <c>CCE_DEVICE</c> and in what <c>cce info</c> prints.</summary>
public sealed class DeviceSyntaxTests
{
    [Theory]
    [InlineData("cpu")]
    [InlineData("cpu:0")]
    [InlineData("CPU")]
    public void DeviceAcceptsEverySpellingOfTheCpu(string name)
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
    public void DeviceRejectsWhatIsNotADeviceNameListingTheForms(string name)
    {
        CliRun run = CliRun.Of("info", "--device", name);

        Assert.Equal(ExitCode.Usage, run.ExitCode);
    }

    [Theory]
    [InlineData("gpu")]
    [InlineData("cpu:1")]
    [InlineData("cuda:x")]
    public void VerifyDeviceErrorsNameTheValueAndTheAcceptedForms(string name)
    {
        CliRun run = CliRun.Of("verify", "--device", name);

        Assert.Equal(ExitCode.Usage, run.ExitCode);
        Assert.Contains($"'{name}'", run.Error, StringComparison.Ordinal);
        Assert.Contains(DeviceName.AcceptedForms, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ADeviceTheMachineLacksIsADeviceFailure()
    {
        CliRun run = CliRun.Of("verify", "--device", "cuda:999", "--loss", CliRun.SmallLoss);

        Assert.Equal(ExitCode.RuntimeFailure, run.ExitCode);
        Assert.Contains("cuda:999", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", run.All, StringComparison.Ordinal);
    }

    [Fact]
    public void InfoListsDevicesUnderTheNamesDeviceAccepts()
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
    public void CceDeviceTakesTheSameSyntax(string name)
    {
        using var device = new EnvironmentVariable(CceDevice.DeviceVariable, name);

        CliRun run = CliRun.Of("verify", "--loss", CliRun.SmallLoss, "--seed", "4");

        Assert.Equal(ExitCode.Ok, run.ExitCode);
        Assert.Contains("device: cpu:0", run.Out, StringComparison.Ordinal);
    }

    [Fact]
    public void ABadCceDeviceIsAUsageErrorNamingTheVariable()
    {
        using var device = new EnvironmentVariable(CceDevice.DeviceVariable, "gpu");

        CliRun run = CliRun.Of("info");

        Assert.Equal(ExitCode.Usage, run.ExitCode);
        Assert.Contains("CCE_DEVICE", run.Error, StringComparison.Ordinal);
        Assert.Contains("'gpu'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void DeviceWinsOverCceDevice()
    {
        using var device = new EnvironmentVariable(CceDevice.DeviceVariable, "gpu");

        CliRun run = CliRun.Of("verify", "--device", "cpu", "--loss", CliRun.SmallLoss, "--seed", "5");

        Assert.Equal(ExitCode.Ok, run.ExitCode);
    }
}
