using Cce.Gen.SourceGenerators.Diagnostics;
using System.Collections.Immutable;
using System.Linq;
using Cce.Gen.SourceGenerators.Models;
using Microsoft.CodeAnalysis;

namespace Cce.Gen.SourceGenerators;

/// <summary>
/// Completes every <c>[SampledSoftmaxLoss]</c> partial class with specialised ILGPU kernels, the
/// descriptor interface and the typed API. Pipeline only: parse, split diagnostics from models, emit.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed partial class LossGenerator : IIncrementalGenerator
{
    /// <summary>Fully qualified metadata name of the loss attribute.</summary>
    internal const string LossAttributeName = "Cce.SampledSoftmaxLossAttribute";

    /// <summary>Fully qualified metadata name of the tile candidate attribute.</summary>
    internal const string TileAttributeName = "Cce.TileCandidateAttribute";

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        IncrementalValuesProvider<ParseResult> parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                LossAttributeName,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.ClassDeclarationSyntax,
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

        context.RegisterSourceOutput(diagnostics, static (spc, items) =>
        {
            foreach (DiagnosticInfo info in items)
            {
                spc.ReportDiagnostic(info.ToDiagnostic());
            }
        });

        context.RegisterSourceOutput(models, static (spc, model) =>
            spc.AddSource(Emitter.HintName(model), Emitter.Emit(model)));
    }
}
