using System;
using Microsoft.CodeAnalysis;

namespace Cce.Gen.SourceGenerators.Diagnostics;

/// <summary>Every diagnostic the generator reports; each id has a page under docs/diagnostics/.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Cce.Gen";
    private const string HelpRoot = ThisAssembly.RepositoryUrl + "/blob/main/docs/diagnostics/";

    public static readonly DiagnosticDescriptor NotPartial = Error(
        "CCE0001",
        "Loss class must be partial",
        "The loss class '{0}' must be declared partial so the generator can complete it");

    public static readonly DiagnosticDescriptor ContainingTypeNotPartial = Error(
        "CCE0002",
        "Type containing a loss class must be partial",
        "The type '{1}' that contains the loss class '{0}' must be declared partial so the generator can complete the class inside it");

    public static readonly DiagnosticDescriptor InvalidNegatives = Error(
        "CCE0003",
        "Negatives must be at least 1",
        "The loss class '{0}' {1}; expected at least 1 negative per row");

    public static readonly DiagnosticDescriptor InvalidHiddenSize = Error(
        "CCE0004",
        "Hidden size does not fit the vector width",
        "The loss class '{0}' {1}; expected a positive multiple of {2}, the number of {3} elements in one 16-byte load");

    public static readonly DiagnosticDescriptor UnsupportedElement = Error(
        "CCE0005",
        "Element type unknown or not supported",
        "The loss class '{0}' declares Element = {1}, which {2}; expected {3}");

    public static readonly DiagnosticDescriptor UnsupportedCorrection = Error(
        "CCE0006",
        "Correction unknown or not supported",
        "The loss class '{0}' declares Correction = {1}, which {2}; expected {3}");

    public static readonly DiagnosticDescriptor UnsupportedScheme = Error(
        "CCE0007",
        "Negative scheme unknown or not available",
        "The loss class '{0}' declares Scheme = {1}, which {2}; expected {3}");

    public static readonly DiagnosticDescriptor CandidateCannotLaunch = Error(
        "CCE0008",
        "Tile candidate cannot launch",
        "A tile candidate of the loss class '{0}' declares Warps = {1}; expected 1 to {2} warps, at most {3} threads per group");

    public static readonly DiagnosticDescriptor CandidateSharedMemory = Error(
        "CCE0009",
        "Tile candidate needs too much shared memory",
        "The loss class '{0}' needs {1} bytes of shared memory per group for {2}; current GPUs grant at most {3} bytes");

    public static readonly DiagnosticDescriptor CandidateRows = Error(
        "CCE0010",
        "Tile candidate rows do not divide",
        "A tile candidate of the loss class '{0}' declares {1}; expected {2}");

    public static readonly DiagnosticDescriptor DuplicateCandidate = new(
        "CCE0011",
        "Duplicate tile candidate",
        "The loss class '{0}' declares the tile candidate {1} more than once; the duplicate is ignored",
        Category,
        DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpRoot + "CCE0011.md");

    public static readonly DiagnosticDescriptor ConflictingSettings = Error(
        "CCE0012",
        "Conflicting loss settings",
        "The loss class '{0}' has conflicting settings: {1}; expected {2}");

    public static readonly DiagnosticDescriptor CandidateWithoutLoss = Error(
        "CCE0013",
        "Tile candidate without a loss",
        "The class '{0}' declares [{1}] but not [CatalogLoss]; expected both attributes on the loss class, or neither");

    public static readonly DiagnosticDescriptor CannotComplete = Error(
        "CCE0014",
        "Loss class cannot be completed",
        "The loss class '{0}' cannot be completed: {1}; expected a non-generic, non-abstract, non-static class without a base class");

    public static readonly DiagnosticDescriptor CandidateRegisters = Error(
        "CCE0015",
        "Tile candidate needs too many registers",
        "A tile candidate of the loss class '{0}' keeps {1} fp32 accumulators per thread for {2}; expected at most {3}, or the kernels spill to local memory");

    private static DiagnosticDescriptor Error(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true, helpLinkUri: HelpRoot + id + ".md");

    public static DiagnosticDescriptor ById(string id) => id switch
    {
        "CCE0001" => NotPartial,
        "CCE0002" => ContainingTypeNotPartial,
        "CCE0003" => InvalidNegatives,
        "CCE0004" => InvalidHiddenSize,
        "CCE0005" => UnsupportedElement,
        "CCE0006" => UnsupportedCorrection,
        "CCE0007" => UnsupportedScheme,
        "CCE0008" => CandidateCannotLaunch,
        "CCE0009" => CandidateSharedMemory,
        "CCE0010" => CandidateRows,
        "CCE0011" => DuplicateCandidate,
        "CCE0012" => ConflictingSettings,
        "CCE0013" => CandidateWithoutLoss,
        "CCE0014" => CannotComplete,
        "CCE0015" => CandidateRegisters,
        _ => throw new ArgumentOutOfRangeException(nameof(id), id, "Unknown diagnostic id."),
    };
}
