using Xunit;

namespace Cce.Runtime.Tests.Devices;

/// <summary>The one parser of device names, shared by <c>CceDevice.Open</c>, <c>CCE_DEVICE</c> and the <c>cce</c> tool.</summary>
public sealed class DeviceNameTests
{
    [Theory]
    [InlineData("cpu", "cpu:0")]
    [InlineData("cpu:0", "cpu:0")]
    [InlineData(" CPU ", "cpu:0")]
    [InlineData("cuda", "cuda:0")]
    [InlineData("cuda:0", "cuda:0")]
    [InlineData("Cuda:12", "cuda:12")]
    public void EveryAcceptedFormReadsToItsCanonicalName(string text, string canonical)
    {
        DeviceName name = DeviceName.Parse(text);

        Assert.Equal(canonical, name.ToString());
        Assert.Equal(name, DeviceName.Parse(name.ToString()));
    }

    [Theory]
    [InlineData("gpu")]
    [InlineData("cpu:1")]
    [InlineData("cuda:")]
    [InlineData("cuda:-1")]
    [InlineData("cuda:+1")]
    [InlineData("cuda:1:2")]
    [InlineData("cuda1")]
    [InlineData("")]
    public void AnythingElseIsRefusedWithTheValueAndTheForms(string text)
    {
        Assert.False(DeviceName.TryParse(text, out _));
        FormatException error = Assert.Throws<FormatException>(() => DeviceName.Parse(text));
        Assert.Contains($"'{text}'", error.Message, StringComparison.Ordinal);
        Assert.Contains(DeviceName.AcceptedForms, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OpenByNameRefusesABadNameAsAnArgumentError()
    {
        ArgumentException error = Assert.Throws<ArgumentException>(() => CceDevice.Open("gpu"));

        Assert.Contains(DeviceName.AcceptedForms, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheConstructorHoldsTheSameRules()
    {
        Assert.Equal("cuda:3", new DeviceName(DeviceKind.Cuda, 3).ToString());
        Assert.Throws<ArgumentOutOfRangeException>(() => new DeviceName(DeviceKind.Cpu, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => DeviceName.Cuda(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new DeviceName((DeviceKind)7, 0));
        Assert.Throws<ArgumentNullException>(() => DeviceName.Parse(null!));
    }
}
