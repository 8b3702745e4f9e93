using System.Globalization;
using System.Reflection;
using System.Text;

namespace Cce.Tuning.Cache;

/// <summary>
/// The environment half of a cache key, one directory per value: anything here changing can change
/// which candidate is fastest, so entries of another environment never hit.
/// </summary>
/// <param name="SchemaVersion">Cache layout version, <see cref="CacheFormat.SchemaVersion"/> when written by this runtime.</param>
/// <param name="IlgpuVersion">Version of the ILGPU compiler that built the kernels.</param>
/// <param name="RuntimeVersion">Version of Cce.Runtime.</param>
/// <param name="Device">The device the timings were taken on.</param>
/// <param name="TimingPolicy">How the timings were taken.</param>
public sealed record TuningEnvironment(
    int SchemaVersion,
    string IlgpuVersion,
    string RuntimeVersion,
    DeviceFingerprint Device,
    TimingPolicyId TimingPolicy)
{
    /// <summary>Device names are cut to this many characters in directory names.</summary>
    private const int NamePrefixLength = 40;

    /// <summary>The environment of this process on <paramref name="device"/> under <paramref name="timingPolicy"/>.</summary>
    public static TuningEnvironment For(DeviceFingerprint device, TimingPolicyId timingPolicy)
    {
        ArgumentNullException.ThrowIfNull(device);
        ArgumentNullException.ThrowIfNull(timingPolicy);
        return new TuningEnvironment(
            CacheFormat.SchemaVersion,
            VersionOf(typeof(ILGPU.Context).Assembly),
            VersionOf(typeof(TuningEnvironment).Assembly),
            device,
            timingPolicy);
    }

    /// <summary>Short hash of every field, stable across processes and machines.</summary>
    public string Hash => CacheHash.Short(CanonicalText());

    /// <summary>
    /// The directory of this environment: the device name for people browsing the cache, then
    /// <see cref="Hash"/>, which alone decides identity.
    /// </summary>
    public string DirectoryName => $"{Sanitise(Device.Name)}-{Hash}";

    /// <summary>Every field as (label, value) in a fixed order: the hash input and what a miss is explained with.</summary>
    internal IReadOnlyList<(string Label, string Value)> Fields() =>
    [
        ("schema version", Text(SchemaVersion)),
        ("ILGPU version", IlgpuVersion),
        ("Cce.Runtime version", RuntimeVersion),
        ("device kind", Device.Kind.ToString()),
        ("device name", Device.Name),
        ("compute capability", Device.ComputeCapability),
        ("PTX ISA", Device.InstructionSet),
        ("SM count", Text(Device.Multiprocessors)),
        ("memory bytes", Text(Device.MemoryBytes)),
        ("L2 cache bytes", Text(Device.L2CacheBytes)),
        ("shared memory per SM", Text(Device.SharedMemoryPerMultiprocessor)),
        ("warp size", Text(Device.WarpSize)),
        ("driver version", Device.DriverVersion),
        ("timing policy", TimingPolicy.ToString()),
    ];

    private string CanonicalText()
    {
        var text = new StringBuilder();
        foreach ((string label, string value) in Fields())
        {
            text.Append(label).Append('=').Append(value).Append('\n');
        }

        return text.ToString();
    }

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>The informational version without build metadata, which would change the key with every commit.</summary>
    private static string VersionOf(Assembly assembly)
    {
        string? informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;
        if (string.IsNullOrEmpty(informational))
        {
            return assembly.GetName().Version?.ToString() ?? "unknown";
        }

        int plus = informational.IndexOf('+', StringComparison.Ordinal);
        return plus >= 0 ? informational[..plus] : informational;
    }

    /// <summary>Lower-case letters and digits separated by single dashes: safe on every file system.</summary>
    private static string Sanitise(string name)
    {
        var text = new StringBuilder(NamePrefixLength);
        foreach (char c in name.ToLowerInvariant())
        {
            if (text.Length == NamePrefixLength)
            {
                break;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                text.Append(c);
            }
            else if (text.Length > 0 && text[^1] != '-')
            {
                text.Append('-');
            }
        }

        string prefix = text.ToString().TrimEnd('-');
        return prefix.Length == 0 ? "device" : prefix;
    }
}
