using System.Collections.Generic;
using System.Threading;
using Cce.Gen.SourceGenerators.Diagnostics;
using Cce.Gen.SourceGenerators.Models;
using Microsoft.CodeAnalysis;

namespace Cce.Gen.SourceGenerators;

public sealed partial class LossGenerator
{
    internal static partial class Parser
    {
        /// <summary>CCE0013 for each <c>[PerRowTile]</c> or <c>[MatrixTile]</c> on this class part when no part of the class declares the loss.</summary>
        public static EquatableArray<DiagnosticInfo> ParseOrphanTiles(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            INamedTypeSymbol? lossType = context.SemanticModel.Compilation.GetTypeByMetadataName(LossAttributeName);
            foreach (AttributeData attribute in context.TargetSymbol.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, lossType))
                {
                    return default;
                }
            }

            var diagnostics = new List<DiagnosticInfo>();
            foreach (AttributeData attribute in context.Attributes)
            {
                Location location = attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken).GetLocation() ?? Location.None;
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.CandidateWithoutLoss, location, context.TargetSymbol.Name, attribute.AttributeClass?.Name.Replace("Attribute", string.Empty) ?? "PerRowTile"));
            }

            return diagnostics.ToEquatableArray();
        }
    }
}
