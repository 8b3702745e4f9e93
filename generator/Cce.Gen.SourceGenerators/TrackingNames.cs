namespace Cce.Gen.SourceGenerators;

/// <summary>Names of the incremental pipeline steps, so tests can check what stayed cached.</summary>
internal static class TrackingNames
{
    public const string Parsed = nameof(Parsed);
    public const string Models = nameof(Models);
    public const string Diagnostics = nameof(Diagnostics);
}
