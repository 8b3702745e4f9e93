using System.CommandLine;

namespace Cce.Cli.Commands;

/// <summary>The options several verbs share, spelled and described the same everywhere.</summary>
internal static class CliOptions
{
    /// <summary><c>--json</c>: a bool, so <c>--json</c>, <c>--json true</c> and <c>--json false</c> all mean what they say.</summary>
    public static Option<bool> Json() => new("--json")
    {
        Description = "Write one JSON document (camelCase properties) instead of tables; --json false turns it off.",
    };

    /// <summary><c>--device</c>: a device name, read by the runtime's one parser (<see cref="DeviceName"/>).</summary>
    public static Option<DeviceName?> Device(string description = "The device: cpu, cpu:0, cuda or cuda:N (default: CCE_DEVICE, else the first GPU, else the CPU accelerator).") => new("--device")
    {
        Description = description,
        HelpName = "cpu|cpu:0|cuda|cuda:N",
        CustomParser = result =>
        {
            string text = result.Tokens[^1].Value;
            if (DeviceName.TryParse(text, out DeviceName name))
            {
                return name;
            }

            result.AddError($"--device: {DeviceName.Problem(text)}");
            return null;
        },
    };
}
