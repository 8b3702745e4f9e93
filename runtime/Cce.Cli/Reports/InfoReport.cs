namespace Cce.Cli.Reports;

/// <summary>The JSON form of <c>cce info</c>.</summary>
/// <param name="Devices">Every device found, CUDA GPUs first.</param>
/// <param name="Default">The name of the device opened when no <c>--device</c> is given.</param>
internal sealed record InfoReport(IReadOnlyList<DeviceReport> Devices, string Default);

/// <summary>One device of <c>cce info</c>.</summary>
/// <param name="Name">The name <c>--device</c> and <c>CCE_DEVICE</c> accept, e.g. <c>cuda:0</c>.</param>
/// <param name="Description">The device's fingerprint, in words.</param>
internal sealed record DeviceReport(string Name, string Description);
