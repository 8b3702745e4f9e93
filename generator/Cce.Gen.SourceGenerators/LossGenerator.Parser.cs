using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Cce.Gen.SourceGenerators.Diagnostics;
using Cce.Gen.SourceGenerators.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Cce.Gen.SourceGenerators;

/// <summary>What parsing one annotated class yields: a model when it can be emitted, and diagnostics.</summary>
internal sealed record ParseResult(LossModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);

public sealed partial class LossGenerator
{
    /// <summary>Attribute data to an equatable model plus diagnostics; never throws on user mistakes.</summary>
    internal static class Parser
    {
        public static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            var diagnostics = new List<DiagnosticInfo>();
            var symbol = (INamedTypeSymbol)context.TargetSymbol;
            var syntax = (ClassDeclarationSyntax)context.TargetNode;
            if (!syntax.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotPartial, syntax.Identifier.GetLocation(), symbol.Name));
                return new ParseResult(null, diagnostics.ToEquatableArray());
            }

            AttributeData loss = context.Attributes[0];
            var settings = new LossSettings(
                (NegativeScheme)Named(loss, "Scheme", 0),
                Named(loss, "Negatives", 0),
                Named(loss, "HiddenSize", 0),
                (ElementType)Named(loss, "Element", 0),
                (LogQCorrection)Named(loss, "Correction", 0),
                (LossReduction)Named(loss, "Reduction", 0),
                Named(loss, "IgnoreIndex", -100),
                (GradientPrecision)Named(loss, "HiddenGradient", 0));

            var tiles = symbol.GetAttributes()
                .Where(a => a.AttributeClass?.ToDisplayString() == TileAttributeName)
                .Select(a => new TileModel(Named(a, "Warps", 4), Named(a, "RowsPerGroup", 4), Named(a, "ItemsInFlight", 2)))
                .ToList();
            bool declared = tiles.Count > 0;
            if (!declared)
            {
                tiles.Add(new TileModel(4, 4, 2));
            }

            var containing = new List<ContainingTypeModel>();
            for (INamedTypeSymbol? outer = symbol.ContainingType; outer is not null; outer = outer.ContainingType)
            {
                containing.Insert(0, new ContainingTypeModel(outer.IsRecord ? "record" : outer.TypeKind == TypeKind.Struct ? "struct" : "class", outer.Name));
            }

            string? ns = symbol.ContainingNamespace.IsGlobalNamespace ? null : symbol.ContainingNamespace.ToDisplayString();
            string kernels = string.Join("_", containing.Select(c => c.Name).Concat(new[] { symbol.Name })) + "Kernels";
            var model = new LossModel(ns, symbol.Name, containing.ToEquatableArray(), kernels, settings, tiles.ToEquatableArray(), declared);
            return new ParseResult(model, diagnostics.ToEquatableArray());
        }

        private static int Named(AttributeData attribute, string name, int fallback)
        {
            foreach (KeyValuePair<string, TypedConstant> pair in attribute.NamedArguments)
            {
                if (pair.Key == name && pair.Value.Value is int value)
                {
                    return value;
                }
            }

            return fallback;
        }
    }
}
