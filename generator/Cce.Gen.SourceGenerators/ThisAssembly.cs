namespace Cce.Gen.SourceGenerators;

/// <summary>Facts about the generator's own build, as constants the emitters can write.</summary>
internal static class ThisAssembly
{
    /// <summary>The generator's version; kept equal to the repository's <c>Version</c> by a test.</summary>
    public const string Version = "0.1.0";

    /// <summary>The repository's <c>RepositoryUrl</c>; the diagnostics' help pages live under it. Kept equal by a test.</summary>
    public const string RepositoryUrl = "https://github.com/cce-gen/cce-gen";
}
