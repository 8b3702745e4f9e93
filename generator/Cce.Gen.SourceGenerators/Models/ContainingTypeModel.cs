namespace Cce.Gen.SourceGenerators.Models;

/// <summary>An enclosing type of the annotated class, re-declared around the generated part.</summary>
/// <param name="Keyword">"class", "struct", "record", "record struct" or "interface".</param>
/// <param name="Name">Name including type parameters, e.g. "Outer&lt;T&gt;".</param>
internal sealed record ContainingTypeModel(string Keyword, string Name);
