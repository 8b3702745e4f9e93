using System.Collections.Generic;
using System.Threading;
using Cce.Gen.SourceGenerators.Diagnostics;
using Cce.Gen.SourceGenerators.Models;
using Cce.Gen.SourceGenerators.Parsing;
using Cce.Gen.SourceGenerators.Schemes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Cce.Gen.SourceGenerators;

/// <summary>What parsing one annotated class yields: a model when it can be emitted, and diagnostics.</summary>
internal sealed record ParseResult(LossModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);

public sealed partial class LossGenerator
{
    /// <summary>Attribute data to an equatable model plus diagnostics; never throws on user mistakes.</summary>
    internal static partial class Parser
    {
        private static readonly ParseResult Nothing = new(null, default);

        public static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (context.TargetSymbol is not INamedTypeSymbol { TypeKind: TypeKind.Class } symbol
                || context.TargetNode is not TypeDeclarationSyntax syntax)
            {
                // The compiler already rejects the attribute on anything but a class.
                return Nothing;
            }

            if (context.Attributes.Length > 1 || LossAttributeCount(symbol) > 1)
            {
                // [CatalogLoss] on two parts of one class: the compiler's CS0579 says so, and each part would otherwise
                // produce the same files.
                return Nothing;
            }

            AttributeArguments loss = AttributeArguments.Read(context.Attributes[0], cancellationToken);
            List<AttributeArguments>? tileAttributes = ReadTileAttributes(symbol, context.SemanticModel.Compilation, TileAttributeName, cancellationToken);
            List<AttributeArguments>? matrixAttributes = ReadTileAttributes(symbol, context.SemanticModel.Compilation, MatrixTileAttributeName, cancellationToken);
            if (loss.HasErrors || tileAttributes is null || matrixAttributes is null)
            {
                // Let the compiler's own errors speak first: guessing values from broken arguments only adds noise.
                return Nothing;
            }

            var diagnostics = new List<DiagnosticInfo>();
            CheckShape(symbol, syntax, context.SemanticModel, diagnostics, cancellationToken);
            LossSettings settings = ReadSettings(loss, symbol.Name, diagnostics);
            bool matrix = SchemeFamilyIsMatrix(settings);
            RejectForeignTiles(matrix ? tileAttributes : matrixAttributes, settings, symbol.Name, diagnostics);
            List<TileModel> tiles = matrix ? new List<TileModel>() : ReadTiles(tileAttributes, settings, symbol.Name, diagnostics);
            List<MatrixTileModel> matrixTiles = matrix ? ReadMatrixTiles(matrixAttributes, settings, symbol.Name, diagnostics) : new List<MatrixTileModel>();

            foreach (DiagnosticInfo diagnostic in diagnostics)
            {
                if (DiagnosticDescriptors.ById(diagnostic.Id).DefaultSeverity == DiagnosticSeverity.Error)
                {
                    return new ParseResult(null, diagnostics.ToEquatableArray());
                }
            }

            var model = new LossModel(
                symbol.ContainingNamespace.IsGlobalNamespace ? null : symbol.ContainingNamespace.ToDisplayString(),
                symbol.Name,
                ContainingTypes(symbol),
                KernelsTypeName(symbol),
                settings,
                tiles.ToEquatableArray(),
                matrixTiles.ToEquatableArray(),
                (matrix ? matrixAttributes : tileAttributes).Count > 0,
                RegistryName(symbol));
            return new ParseResult(model, diagnostics.ToEquatableArray());
        }

        /// <summary>How many <c>[CatalogLoss]</c> applications the parts of the class hold together.</summary>
        private static int LossAttributeCount(INamedTypeSymbol symbol)
        {
            int count = 0;
            foreach (AttributeData attribute in symbol.GetAttributes())
            {
                if (attribute.AttributeClass?.ToDisplayString() == LossAttributeName)
                {
                    count++;
                }
            }

            return count;
        }

        /// <summary>
        /// The <c>[PerRowTile]</c> applications of every part of the class, in declaration order, or null
        /// when the compiler rejects one of them.
        /// </summary>
        private static List<AttributeArguments>? ReadTileAttributes(INamedTypeSymbol symbol, Compilation compilation, string attributeName, CancellationToken cancellationToken)
        {
            INamedTypeSymbol? tileType = compilation.GetTypeByMetadataName(attributeName);
            var tiles = new List<AttributeArguments>();
            foreach (AttributeData attribute in symbol.GetAttributes())
            {
                if (SymbolEqualityComparer.Default.Equals(attribute.AttributeClass, tileType))
                {
                    AttributeArguments arguments = AttributeArguments.Read(attribute, cancellationToken);
                    if (arguments.HasErrors)
                    {
                        return null;
                    }

                    tiles.Add(arguments);
                }
            }

            return tiles;
        }
    }
}
