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

        if (name is not DeviceName chosen)
        {
            return CceDevice.OpenDefault();
        }

        int cuda = chosen.Kind == DeviceKind.Cuda ? DeviceCatalog.CudaDeviceCount() : 0;
        if (chosen.Kind == DeviceKind.Cuda && chosen.Index >= cuda)
        {
            throw new CliRuntimeException(FormattableString.Invariant($"no device {chosen}: this machine has {cuda} CUDA device(s); cce info lists the devices."));
        }

        return CceDevice.Open(chosen);
    }
}
