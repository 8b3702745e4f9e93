namespace Cce.Gen.SourceGenerators.Schemes;

/// <summary>One parameter through which the caller hands a scheme its negatives in the typed API.</summary>
/// <param name="Name">Parameter name, the same in every entry point.</param>
/// <param name="DeviceType">Its type in the device-tensor entry points.</param>
/// <param name="HostType">Its type in the host-array entry points.</param>
/// <param name="Doc">Its <c>&lt;param&gt;</c> documentation.</param>
/// <param name="NullChecked">Whether the host-array entry points reject null (reference types only).</param>
internal sealed record SchemeParameter(string Name, string DeviceType, string HostType, string Doc, bool NullChecked)
{
    /// <summary>The seed and step of the in-kernel sampler, which the schemes that draw their negatives take.</summary>
    public static readonly SchemeParameter[] SeedAndStep =
    {
        new("seed", "ulong", "ulong", "Seed of the in-kernel sampler.", NullChecked: false),
        new("step", "ulong", "ulong", "Training step: a new step draws new negatives.", NullChecked: false),
    };
}
