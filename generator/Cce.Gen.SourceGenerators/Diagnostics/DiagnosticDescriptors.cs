using System;
using Microsoft.CodeAnalysis;

namespace Cce.Gen.SourceGenerators.Diagnostics;

/// <summary>Every diagnostic the generator reports; each id has a page under docs/diagnostics/.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Cce.Gen";
    private const string HelpRoot = "https://github.com/cce-gen/cce-gen/blob/main/docs/diagnostics/";

    public static readonly DiagnosticDescriptor NotPartial = Error(
        "CCE0001",
        "Loss class must be partial",
        "The loss class '{0}' must be declared partial so the generator can complete it");

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + id + ".md");

    public static DiagnosticDescriptor ById(string id) => id switch
    {
        "CCE0001" => NotPartial,
        _ => throw new ArgumentOutOfRangeException(nameof(id), id, "Unknown diagnostic id."),
    };
}
