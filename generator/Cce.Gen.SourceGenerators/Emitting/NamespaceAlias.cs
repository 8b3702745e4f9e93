namespace Cce.Gen.SourceGenerators.Emitting;

/// <summary>A file-local namespace alias: <c>using {Name} = {Target};</c>, used as <c>{Name}::Type</c>.</summary>
/// <param name="Name">The alias, the last segment of <paramref name="Target"/>.</param>
/// <param name="Target">The namespace, with <c>global::</c>.</param>
internal sealed record NamespaceAlias(string Name, string Target)
{
    /// <summary>The using directive that declares the alias.</summary>
    public string Directive => "using " + Name + " = " + Target + ";";
}
