using System.Collections.Generic;
using System.Threading;
using Cce.Gen.SourceGenerators.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Cce.Gen.SourceGenerators;

public sealed partial class LossGenerator
{
    internal static partial class Parser
    {
        /// <summary>Checks that the generated part can be added to the class: CCE0001, CCE0002 and CCE0014.</summary>
        private static void CheckShape(
            INamedTypeSymbol symbol,
            TypeDeclarationSyntax syntax,
            SemanticModel semanticModel,
            List<DiagnosticInfo> diagnostics,
            CancellationToken cancellationToken)
        {
            Location identifier = syntax.Identifier.GetLocation();
            if (!syntax.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.NotPartial, identifier, symbol.Name));
            }

            for (SyntaxNode? node = syntax.Parent; node is not null; node = node.Parent)
            {
                if (node is TypeDeclarationSyntax outer && !outer.Modifiers.Any(SyntaxKind.PartialKeyword))
                {
                    string outerName = outer.Identifier.ValueText + (outer.TypeParameterList?.ToString() ?? string.Empty);
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ContainingTypeNotPartial, outer.Identifier.GetLocation(), symbol.Name, outerName));
                }
            }

            if (symbol.IsStatic)
            {
                diagnostics.Add(CannotComplete(symbol, ModifierOr(syntax, SyntaxKind.StaticKeyword, identifier), "it is static"));
            }
            else if (symbol.IsAbstract)
            {
                diagnostics.Add(CannotComplete(symbol, ModifierOr(syntax, SyntaxKind.AbstractKeyword, identifier), "it is abstract"));
            }

            if (symbol.IsRecord)
            {
                diagnostics.Add(CannotComplete(symbol, identifier, "it is a record, and a record cannot derive from the loss base class"));
            }

            if (symbol.TypeParameters.Length > 0)
            {
                Location where = syntax.TypeParameterList?.GetLocation() ?? identifier;
                diagnostics.Add(CannotComplete(symbol, where, "it is generic, and kernels are specialised for one concrete class"));
            }

            if (symbol.BaseType is { SpecialType: not SpecialType.System_Object, TypeKind: not TypeKind.Error } baseType && !symbol.IsRecord)
            {
                Location where = BaseTypeLocation(syntax, baseType, semanticModel, cancellationToken) ?? identifier;
                string reason = "it declares the base class '" + baseType.ToDisplayString() + "', but the generated part supplies the base class";
                diagnostics.Add(CannotComplete(symbol, where, reason));
            }
        }

        private static DiagnosticInfo CannotComplete(INamedTypeSymbol symbol, Location location, string reason) =>
            DiagnosticInfo.Create(DiagnosticDescriptors.CannotComplete, location, symbol.Name, reason);

        private static Location ModifierOr(TypeDeclarationSyntax syntax, SyntaxKind kind, Location fallback)
        {
            foreach (SyntaxToken modifier in syntax.Modifiers)
            {
                if (modifier.IsKind(kind))
                {
                    return modifier.GetLocation();
                }
            }

            // The modifier sits on another part of the class.
            return fallback;
        }

        /// <summary>The base list entry naming <paramref name="baseType"/> on this part of the class, if it is this part that names it.</summary>
        private static Location? BaseTypeLocation(TypeDeclarationSyntax syntax, INamedTypeSymbol baseType, SemanticModel semanticModel, CancellationToken cancellationToken)
        {
            if (syntax.BaseList is null)
            {
                return null;
            }

            foreach (BaseTypeSyntax entry in syntax.BaseList.Types)
            {
                if (SymbolEqualityComparer.Default.Equals(semanticModel.GetTypeInfo(entry.Type, cancellationToken).Type, baseType))
                {
                    return entry.GetLocation();
                }
            }

            return null;
        }
    }
}
