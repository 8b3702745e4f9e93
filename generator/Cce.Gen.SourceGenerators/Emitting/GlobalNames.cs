namespace Cce.Gen.SourceGenerators.Emitting;

/// <summary>
/// Namespace prefixes of the generated code, always written with <c>global::</c> so that no type or namespace
/// of the user's project can capture a name.
/// </summary>
internal static class GlobalNames
{
    /// <summary>The ILGPU namespace.</summary>
    public const string Ilgpu = "global::ILGPU.";

    /// <summary>The runtime's public namespace.</summary>
    public const string Cce = "global::Cce.";
}
