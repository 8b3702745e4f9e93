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

    /// <summary>The tool name <c>[GeneratedCode]</c> carries.</summary>
    public const string GeneratorName = "Cce.Gen";

    /// <summary>The version <c>[GeneratedCode]</c> carries: the generator's, so a stale build shows in the generated code.</summary>
    public const string GeneratorVersion = ThisAssembly.Version;
}
