using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Cce.Gen.SourceGenerators.Diagnostics;

/// <summary>A diagnostic as plain data (no <see cref="Location"/> object), so it caches in the pipeline.</summary>
internal sealed record DiagnosticInfo(
    string Id,
    string FilePath,
    int SpanStart,
    int SpanLength,
    int StartLine,
    int StartCharacter,
    int EndLine,
    int EndCharacter,
    Cce.Gen.SourceGenerators.Models.EquatableArray<string> Arguments)
{
    public static DiagnosticInfo Create(DiagnosticDescriptor descriptor, Location? location, params object[] arguments)
    {
        FileLinePositionSpan lines = location?.GetLineSpan() ?? default;
        TextSpan span = location?.SourceSpan ?? default;
        string[] texts = Array.ConvertAll(arguments, a => Convert.ToString(a, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty);
        return new DiagnosticInfo(
            descriptor.Id,
            lines.Path ?? string.Empty,
            span.Start,
            span.Length,
            lines.StartLinePosition.Line,
            lines.StartLinePosition.Character,
            lines.EndLinePosition.Line,
            lines.EndLinePosition.Character,
            new Cce.Gen.SourceGenerators.Models.EquatableArray<string>(System.Collections.Immutable.ImmutableArray.Create(texts)));
    }

    public Diagnostic ToDiagnostic()
    {
        Location location = FilePath.Length == 0
            ? Location.None
            : Location.Create(
                FilePath,
                new TextSpan(SpanStart, SpanLength),
                new LinePositionSpan(new LinePosition(StartLine, StartCharacter), new LinePosition(EndLine, EndCharacter)));
        object[] args = new object[Arguments.Length];
        for (int i = 0; i < args.Length; i++)
        {
            args[i] = Arguments[i];
        }

        return Diagnostic.Create(DiagnosticDescriptors.ById(Id), location, args);
    }
}
