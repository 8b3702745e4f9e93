using Microsoft.CodeAnalysis.Text;

namespace Cce.Gen.Tests.Infrastructure;

/// <summary>Test sources with one span marked as <c>[|…|]</c>: where a diagnostic is expected.</summary>
internal static class Markup
{
    /// <summary>The source without the markers, and the marked span.</summary>
    public static (string Source, TextSpan Span) Parse(string marked)
    {
        int start = marked.IndexOf("[|", StringComparison.Ordinal);
        int end = marked.IndexOf("|]", StringComparison.Ordinal);
        if (start < 0 || end < start)
        {
            throw new ArgumentException("The source marks no span with [| and |].", nameof(marked));
        }

        string source = marked.Remove(end, 2).Remove(start, 2);
        return (source, TextSpan.FromBounds(start, end - 2));
    }
}
