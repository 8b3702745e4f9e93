using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Cce.Gen.SourceGenerators.Parsing;

/// <summary>
/// The named arguments of one attribute application together with where each was written, so a
/// diagnostic can point at the argument at fault. Lives only during parsing; never stored in a model.
/// </summary>
internal sealed class AttributeArguments
{
    private readonly AttributeData data;
    private readonly AttributeSyntax? syntax;

    private AttributeArguments(AttributeData data, AttributeSyntax? syntax)
    {
        this.data = data;
        this.syntax = syntax;
    }

    /// <summary>Whether the compiler already rejects this application (unknown type, ill-typed or unbound argument).</summary>
    public bool HasErrors
    {
        get
        {
            if (data.AttributeClass is null or IErrorTypeSymbol)
            {
                return true;
            }

            foreach (KeyValuePair<string, TypedConstant> pair in data.NamedArguments)
            {
                if (pair.Value.Kind == TypedConstantKind.Error)
                {
                    return true;
                }
            }

            // An argument the compiler could not bind is missing from NamedArguments; its own error says why.
            int written = syntax?.ArgumentList?.Arguments.Count ?? 0;
            return written != data.NamedArguments.Length;
        }
    }

    /// <summary>Where the attribute was applied.</summary>
    public Location Location => syntax?.GetLocation() ?? Location.None;

    public static AttributeArguments Read(AttributeData data, CancellationToken cancellationToken) =>
        new(data, data.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax);

    /// <summary>The value of a named argument of type int or of an int-backed enum, or the property's default when not written.</summary>
    public int Int(string name, int fallback)
    {
        foreach (KeyValuePair<string, TypedConstant> pair in data.NamedArguments)
        {
            if (pair.Key == name && pair.Value.Value is int value)
            {
                return value;
            }
        }

        return fallback;
    }

    /// <summary>The value of a named argument of type float, or the property's default when not written.</summary>
    public float Float(string name, float fallback)
    {
        foreach (KeyValuePair<string, TypedConstant> pair in data.NamedArguments)
        {
            if (pair.Key == name && pair.Value.Value is float value)
            {
                return value;
            }
        }

        return fallback;
    }

    /// <summary>Whether the named argument <paramref name="name"/> was written.</summary>
    public bool Has(string name)
    {
        foreach (KeyValuePair<string, TypedConstant> pair in data.NamedArguments)
        {
            if (pair.Key == name)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The value of a named argument of type bool, or the property's default when not written.</summary>
    public bool Bool(string name, bool fallback)
    {
        foreach (KeyValuePair<string, TypedConstant> pair in data.NamedArguments)
        {
            if (pair.Key == name && pair.Value.Value is bool value)
            {
                return value;
            }
        }

        return fallback;
    }

    /// <summary>The written argument <paramref name="name"/> when present, else the whole attribute.</summary>
    public Location LocationOf(string name)
    {
        if (syntax?.ArgumentList is { } list)
        {
            foreach (AttributeArgumentSyntax argument in list.Arguments)
            {
                if (argument.NameEquals?.Name.Identifier.ValueText == name)
                {
                    return argument.GetLocation();
                }
            }
        }

        return Location;
    }
}
