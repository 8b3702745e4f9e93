using System.Collections.Immutable;
using Cce.Gen.SourceGenerators.Diagnostics;
using Cce.Gen.SourceGenerators.Emitting;
using Cce.Gen.SourceGenerators.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Cce.Gen.SourceGenerators;

/// <summary>
/// Completes every <c>[CatalogLoss]</c> partial class with specialised ILGPU kernels, the
/// descriptor interface and the typed API. Pipeline only: parse, split diagnostics from models, emit.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class LossGenerator : IIncrementalGenerator
{
    /// <summary>Fully qualified metadata name of the loss attribute.</summary>
    internal const string LossAttributeName = "Cce.CatalogLossAttribute";

    /// <summary>Fully qualified metadata name of the tile candidate attribute.</summary>
    internal const string TileAttributeName = "Cce.PerRowTileAttribute";

    /// <summary>Metadata name of the matrix tile candidate attribute.</summary>
    internal const string MatrixTileAttributeName = "Cce.MatrixTileAttribute";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<ParseResult> parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                LossAttributeName,
                static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                static (ctx, ct) => Parser.Parse(ctx, ct))
            .WithTrackingName(TrackingNames.Parsed);

        IncrementalValuesProvider<LossModel> models = parsed
            .Where(static r => r.Model is not null)
            .Select(static (r, _) => r.Model!)
            .WithTrackingName(TrackingNames.Models);

        IncrementalValuesProvider<EquatableArray<DiagnosticInfo>> diagnostics = parsed
            .Select(static (r, _) => r.Diagnostics)
            .Where(static d => d.Length > 0)
            .WithTrackingName(TrackingNames.Diagnostics);

        // [PerRowTile] alone does nothing; only a separate pass over those classes can say so.
        IncrementalValuesProvider<EquatableArray<DiagnosticInfo>> orphanTiles = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                TileAttributeName,
                static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                static (ctx, ct) => Parser.ParseOrphanTiles(ctx, ct))
            .WithTrackingName(TrackingNames.OrphanTiles)
            .Where(static d => d.Length > 0)
            .WithTrackingName(TrackingNames.OrphanTileDiagnostics);

        IncrementalValuesProvider<EquatableArray<DiagnosticInfo>> orphanMatrixTiles = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                MatrixTileAttributeName,
                static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                static (ctx, ct) => Parser.ParseOrphanTiles(ctx, ct))
            .Where(static d => d.Length > 0);

        context.RegisterSourceOutput(diagnostics, Report);
        context.RegisterSourceOutput(orphanTiles, Report);
        context.RegisterSourceOutput(orphanMatrixTiles, Report);

        context.RegisterSourceOutput(models, static (spc, model) =>
        {
            foreach ((string hintName, string source) in Emitter.Files(model))
            {
                spc.AddSource(hintName, source);
            }
        });

        IncrementalValueProvider<ImmutableArray<LossModel>> registry = models.Collect().WithTrackingName(TrackingNames.Registry);
        context.RegisterSourceOutput(registry, static (spc, all) =>
        {
            if (RegistryEmitter.Emit(all) is string source)
            {
                spc.AddSource(RegistryEmitter.HintName, source);
            }
        });
    }

    private static void Report(SourceProductionContext context, EquatableArray<DiagnosticInfo> diagnostics)
    {
        foreach (DiagnosticInfo info in diagnostics)
        {
            context.ReportDiagnostic(info.ToDiagnostic());
        }
    }
}
