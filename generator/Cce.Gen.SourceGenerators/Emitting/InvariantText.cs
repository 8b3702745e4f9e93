using System;
using System.Globalization;

namespace Cce.Gen.SourceGenerators.Emitting;

/// <summary>Formatting for generated code: the numbers baked into kernels must not depend on the culture of the machine that builds.</summary>
internal static class InvariantText
{
    /// <summary>Formats <paramref name="text"/> with the invariant culture.</summary>
    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
