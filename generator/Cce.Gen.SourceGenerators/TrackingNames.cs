namespace Cce.Gen.SourceGenerators;

/// <summary>Names of the incremental pipeline steps, so tests can check what stayed cached.</summary>
internal static class TrackingNames
{
    /// <summary>One parse result per <c>[CatalogLoss]</c> class.</summary>
    public const string Parsed = nameof(Parsed);

    /// <summary>The models of the classes that parsed without errors.</summary>
    public const string Models = nameof(Models);

    /// <summary>The diagnostics of the classes that have any.</summary>
    public const string Diagnostics = nameof(Diagnostics);

    /// <summary>CCE0013 diagnostics of <c>[PerRowTile]</c> classes, empty when the class also declares the loss.</summary>
    public const string OrphanTiles = nameof(OrphanTiles);

    /// <summary>The non-empty <see cref="OrphanTiles"/> results.</summary>
    public const string OrphanTileDiagnostics = nameof(OrphanTileDiagnostics);

    /// <summary>Every model of the compilation, collected for the loss registry.</summary>
    public const string Registry = nameof(Registry);
}
