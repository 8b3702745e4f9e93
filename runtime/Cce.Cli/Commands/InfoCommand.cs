namespace Cce.Cli.Commands;

/// <summary><c>cce info</c>: the devices found and the fingerprint of each.</summary>
internal sealed class InfoCommand : ICliCommand
{
    public string Name => "info";

    public string Summary => "list the devices found and the fingerprint of each";

    public string Usage => "usage: cce info";

    public int Run(CommandLine arguments, TextWriter output)
    {
        arguments.RejectUnknown();
        int cuda = DeviceCatalog.CudaDeviceCount();
        output.WriteLine($"CUDA devices: {cuda}");
        for (int i = 0; i < cuda; i++)
        {
            using CceDevice device = CceDevice.Open(DeviceKind.Cuda, i);
            output.WriteLine($"  cuda:{i}  {device.Fingerprint.Describe()}");
        }

        using CceDevice cpu = CceDevice.Open(DeviceKind.Cpu);
        output.WriteLine($"  cpu    {cpu.Fingerprint.Describe()}");
        using CceDevice preferred = CceDevice.OpenDefault();
        output.WriteLine($"default: {preferred}");
        return 0;
    }
}
