using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Cce.Gen.SourceGenerators.Models;
using Microsoft.CodeAnalysis;

namespace Cce.Gen.SourceGenerators;

public sealed partial class LossGenerator
{
    internal static partial class Parser
    {
        /// <summary>The enclosing types, outermost first, with their keyword and type-parameter list.</summary>
        private static EquatableArray<ContainingTypeModel> ContainingTypes(INamedTypeSymbol symbol)
        {
            var containing = new List<ContainingTypeModel>();
            for (INamedTypeSymbol? outer = symbol.ContainingType; outer is not null; outer = outer.ContainingType)
            {
                containing.Insert(0, new ContainingTypeModel(Keyword(outer), NameWithTypeParameters(outer)));
            }

            return containing.ToEquatableArray();
        }

        private static string Keyword(INamedTypeSymbol type) => type.TypeKind switch
        {
            TypeKind.Struct => type.IsRecord ? "record struct" : "struct",
            TypeKind.Interface => "interface",
            _ => type.IsRecord ? "record" : "class",
        };

        private static string NameWithTypeParameters(INamedTypeSymbol type)
        {
            if (type.TypeParameters.Length == 0)
            {
                return type.Name;
            }

            var builder = new StringBuilder(type.Name).Append('<');
            for (int i = 0; i < type.TypeParameters.Length; i++)
            {
                builder.Append(i == 0 ? string.Empty : ", ").Append(type.TypeParameters[i].Name);
            }

            return builder.Append('>').ToString();
        }

        /// <summary>
        /// The top-level kernels class name: the type names from the outermost, joined with '_', then "Kernels".
        /// </summary>
        /// <remarks>
        /// The plain join is unique only while no name holds '_' and no enclosing type is generic (top-level
        /// <c>A_B</c> and nested <c>A.B</c> would meet, as would <c>Outer&lt;T&gt;.Inner</c> and <c>Outer.Inner</c>).
        /// Those names get "__" and a hash of the full metadata name before "Kernels": a plain join never holds
        /// "__", so they cannot meet a plain name either.
        /// </remarks>
        private static string KernelsTypeName(INamedTypeSymbol symbol)
        {
            var names = new List<string>();
            var metadataName = new StringBuilder();
            bool plain = true;
            for (INamedTypeSymbol? type = symbol; type is not null; type = type.ContainingType)
            {
                names.Insert(0, type.Name);
                metadataName.Insert(0, (type.ContainingType is null ? string.Empty : "+") + type.MetadataName);
                plain &= type.Name.IndexOf('_') < 0 && (type.Equals(symbol, SymbolEqualityComparer.Default) || type.Arity == 0);
            }

            string joined = string.Join("_", names);
            if (plain)
            {
                return joined + "Kernels";
            }

            metadataName.Insert(0, symbol.ContainingNamespace.ToDisplayString() + ".");
            return joined + "__" + Fnv1a(metadataName.ToString()).ToString("X8", CultureInfo.InvariantCulture) + "Kernels";
        }

        /// <summary>
        /// The fully qualified name the assembly's loss registry uses for <paramref name="symbol"/>, or null when code
        /// elsewhere in the assembly cannot name it: an enclosing type is generic, or a type on the way is private or protected.
        /// </summary>
        private static string? RegistryName(INamedTypeSymbol symbol)
        {
            for (INamedTypeSymbol? type = symbol; type is not null; type = type.ContainingType)
            {
                bool visible = type.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal;
                if (!visible || (!type.Equals(symbol, SymbolEqualityComparer.Default) && type.Arity > 0))
                {
                    return null;
                }
            }

            return symbol.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        }

        /// <summary>32-bit FNV-1a: stable across processes and runtimes, unlike <see cref="string.GetHashCode()"/>.</summary>
        private static uint Fnv1a(string text)
        {
            uint hash = 2166136261;
            foreach (char c in text)
            {
                hash = unchecked((hash ^ c) * 16777619);
            }

            return hash;
        }
    }
}
