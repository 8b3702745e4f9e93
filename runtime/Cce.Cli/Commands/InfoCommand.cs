using System.CommandLine;
using Cce.Cli.Console;
using Cce.Cli.Json;
using Cce.Cli.Reports;
using Spectre.Console;

namespace Cce.Cli.Commands;

/// <summary><c>cce info</c>: the devices found, each under the name <c>--device</c> accepts, and the fingerprint of each.</summary>
internal static class InfoCommand
{
    /// <summary>The verb, bound to <paramref name="console"/>.</summary>
    public static Command Create(CliConsole console)
    {
        Option<bool> json = CliOptions.Json();
        var command = new Command("info", "List the devices found, under the names --device and CCE_DEVICE accept, and the fingerprint of each.") { json };
        command.SetAction(parsed => Run(console, parsed.GetValue(json)));
        return command;
    }

    private static int Run(CliConsole console, bool json)
    {
        var devices = new List<DeviceReport>();
        int cuda = DeviceCatalog.CudaDeviceCount();
        for (int i = 0; i < cuda; i++)
        {
            using CceDevice device = CceDevice.Open(DeviceName.Cuda(i));
            devices.Add(new DeviceReport(device.DeviceName.ToString(), device.Fingerprint.Describe()));
        }

        using (CceDevice cpu = CceDevice.Open(DeviceName.Cpu))
        {
            devices.Add(new DeviceReport(cpu.DeviceName.ToString(), cpu.Fingerprint.Describe()));
        }

        using CceDevice preferred = DeviceOpener.Open(null);
        var report = new InfoReport(devices, preferred.DeviceName.ToString());
        if (json)
        {
            JsonOutput.Write(console.OutWriter, report);
            return ExitCode.Ok;
        }

        var table = CliTable.Create(console.Out, CliTable.Text("name"), CliTable.Text("device"));
        foreach (DeviceReport device in devices)
        {
            CliTable.AddRow(table, device.Name, device.Description);
        }

        console.Out.Write(table);
        console.Out.WriteLine($"default: {report.Default}");
        return ExitCode.Ok;
    }
}
