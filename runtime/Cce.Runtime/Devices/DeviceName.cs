using System.Globalization;

namespace Cce;

/// <summary>
/// The name of one device as users write it: <c>cpu</c> or <c>cpu:0</c> for the CPU accelerator, <c>cuda</c> or
/// <c>cuda:N</c> for a CUDA GPU. <see cref="ToString"/> gives the canonical form (<c>cpu:0</c>, <c>cuda:N</c>), which
/// <see cref="Parse"/> accepts back, so a name printed by a tool can be pasted into its options and into <c>CCE_DEVICE</c>.
/// </summary>
public readonly record struct DeviceName
{
    /// <summary>The forms <see cref="Parse"/> accepts, for messages.</summary>
    public const string AcceptedForms = "cpu, cpu:0, cuda or cuda:N (N = 0, 1, ...)";

    /// <summary>Names the <paramref name="index"/>-th device of <paramref name="kind"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not Cpu or Cuda, or the index is negative, or not 0 for the CPU.</exception>
    public DeviceName(DeviceKind kind, int index)
    {
        if (kind is not (DeviceKind.Cpu or DeviceKind.Cuda))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Expected Cpu or Cuda.");
        }

        if (index < 0 || (kind == DeviceKind.Cpu && index != 0))
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, kind == DeviceKind.Cpu ? "Expected 0: there is one CPU accelerator." : "Expected a non-negative CUDA device index.");
        }

        Kind = kind;
        Index = index;
    }

    /// <summary>The CPU accelerator, <c>cpu:0</c>.</summary>
    public static DeviceName Cpu => new(DeviceKind.Cpu, 0);

    /// <summary>CPU or CUDA.</summary>
    public DeviceKind Kind { get; }

    /// <summary>Index of the device among those of its kind (always 0 for the CPU).</summary>
    public int Index { get; }

    /// <summary>The CUDA GPU of index <paramref name="index"/>, <c>cuda:N</c>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is negative.</exception>
    public static DeviceName Cuda(int index) => new(DeviceKind.Cuda, index);

    /// <summary>Reads a device name, ignoring case and surrounding blanks.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    /// <exception cref="FormatException">The text is not one of <see cref="AcceptedForms"/>; the message names the text and the forms.</exception>
    public static DeviceName Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParse(text, out DeviceName name) ? name : throw new FormatException(Problem(text));
    }

    /// <summary>Reads a device name as <see cref="Parse"/> does; false, and the CPU's name, when it is not one.</summary>
    public static bool TryParse(string? text, out DeviceName name)
    {
        name = Cpu;
        if (text is null)
        {
            return false;
        }

        string trimmed = text.Trim();
        int colon = trimmed.IndexOf(':', StringComparison.Ordinal);
        string kindText = colon < 0 ? trimmed : trimmed[..colon];
        int index = 0;
        if (colon >= 0 && !int.TryParse(trimmed.AsSpan(colon + 1), NumberStyles.None, CultureInfo.InvariantCulture, out index))
        {
            return false;
        }

        if (kindText.Equals("cpu", StringComparison.OrdinalIgnoreCase) && index == 0)
        {
            return true;
        }

        if (kindText.Equals("cuda", StringComparison.OrdinalIgnoreCase))
        {
            name = Cuda(index);
            return true;
        }

        return false;
    }

    /// <summary>
    /// The device named by the <c>CCE_DEVICE</c> environment variable (<see cref="CceDevice.DeviceVariable"/>), or null when it is unset or blank.
    /// </summary>
    /// <exception cref="FormatException">The variable holds something else than a device name; the message names the variable, its value and the forms.</exception>
    public static DeviceName? FromEnvironment()
    {
        string? value = Environment.GetEnvironmentVariable(CceDevice.DeviceVariable);
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return TryParse(value, out DeviceName name) ? name : throw new FormatException($"{CceDevice.DeviceVariable}: {Problem(value)}");
    }

    /// <summary>The canonical form: <c>cpu:0</c> or <c>cuda:N</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{(Kind == DeviceKind.Cpu ? "cpu" : "cuda")}:{Index}");

    /// <summary>Why <paramref name="text"/> is not a device name: one sentence naming it and the forms.</summary>
    internal static string Problem(string text) => $"'{text}' is not a device name; expected {AcceptedForms}.";
}
