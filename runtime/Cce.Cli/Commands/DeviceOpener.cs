namespace Cce.Cli.Commands;

/// <summary>Opens the device a verb runs on, turning the runtime's exceptions into the tool's exit codes.</summary>
internal static class DeviceOpener
{
    /// <summary>
    /// Opens <paramref name="requested"/>, else the device <c>CCE_DEVICE</c> names, else the first GPU, else the CPU
    /// accelerator.
    /// </summary>
    /// <exception cref="CliUsageException"><c>CCE_DEVICE</c> is not a device name.</exception>
    /// <exception cref="CliRuntimeException">The named device does not exist on this machine.</exception>
    public static CceDevice Open(DeviceName? requested)
    {
        DeviceName? name;
        try
        {
            name = requested ?? DeviceName.FromEnvironment();
        }
        catch (FormatException e)
        {
            throw new CliUsageException(e.Message);
        }

        try
        {
            return name is DeviceName chosen ? CceDevice.Open(chosen) : CceDevice.OpenDefault();
        }
        catch (ArgumentOutOfRangeException) when (name is DeviceName missing)
        {
            // The runtime checked the index; the tool says it in its own words and exit code.
            throw new CliRuntimeException(FormattableString.Invariant($"no device {missing}: this machine has {DeviceCatalog.CudaDeviceCount()} CUDA device(s); cce info lists the devices."));
        }
    }
}
