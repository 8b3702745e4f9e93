namespace Cce.Gen.SourceGenerators.Emitting;

/// <summary>
/// How generated code names everything outside the user's project: through file-local namespace aliases, written
/// with the alias qualifier <c>::</c>, e.g. <c>ILGPU::Warp.ShuffleXor(s0, 16)</c> or <c>Cce::CceTensor&lt;float&gt;</c>.
/// </summary>
/// <remarks>
/// <para>
/// Why this scheme: <c>global::</c> on every name is safe but buries the kernels' arithmetic; a plain <c>using Cce;</c>
/// is readable but a type or namespace of the user's own (say <c>Shop.Kernels</c>) would capture a simple name; a type
/// alias such as <c>using U4 = global::Cce.Kernels.U4;</c> is looked up as a simple name too, after the members of the
/// enclosing namespaces. The left side of <c>::</c> is looked up among aliases only, so <c>Kernels::U4</c> can never be
/// captured, and namespace aliases compile from C# 10 on (alias-any-type would need C# 12).
/// </para>
/// <para>
/// Each alias is named after the last segment of its namespace (<c>Cce</c>, <c>Kernels</c>, <c>PerRow</c>,
/// <c>ILGPU</c>, <c>System</c>, <c>Immutable</c>, <c>Generic</c>, <c>Compiler</c>), so the code reads like the usual
/// names. The directives follow the file-scoped <c>namespace</c> line, inside the user's namespace: there they
/// shadow any project-wide <c>global using</c> alias of the same name instead of clashing with it (CS1537). A loss in
/// the global namespace has no such line, so its files carry the aliases at the top, beside any global ones. The
/// registry's assembly attribute precedes every namespace and is the one place left that spells <c>global::</c>.
/// </para>
/// </remarks>
internal static class GlobalNames
{
    /// <summary>The runtime's public namespace.</summary>
    public static readonly NamespaceAlias CceAlias = new("Cce", "global::Cce");

    /// <summary>The kernel building blocks: <c>U4</c>, element conversions, samplers, atomics.</summary>
    public static readonly NamespaceAlias KernelsAlias = new("Kernels", "global::Cce.Kernels");

    /// <summary>The per-row family: <c>PerRowArguments</c>.</summary>
    public static readonly NamespaceAlias PerRowAlias = new("PerRow", "global::Cce.Families.PerRow");

    /// <summary>The matrix family's namespace: its argument struct.</summary>
    public static readonly NamespaceAlias MatrixAlias = new("Matrix", "global::Cce.Families.Matrix");

    /// <summary>The ILGPU namespace.</summary>
    public static readonly NamespaceAlias IlgpuAlias = new("ILGPU", "global::ILGPU");

    /// <summary>The System namespace.</summary>
    public static readonly NamespaceAlias SystemAlias = new("System", "global::System");

    /// <summary>The immutable collections of the loss's variant list.</summary>
    public static readonly NamespaceAlias ImmutableAlias = new("Immutable", "global::System.Collections.Immutable");

    /// <summary>The generic collections of the registry's list.</summary>
    public static readonly NamespaceAlias GenericAlias = new("Generic", "global::System.Collections.Generic");

    /// <summary>The namespace of <c>[GeneratedCode]</c>.</summary>
    public static readonly NamespaceAlias CompilerAlias = new("Compiler", "global::System.CodeDom.Compiler");

    /// <summary>Prefix of the runtime's public types.</summary>
    public const string Cce = "Cce::";

    /// <summary>Prefix of the kernel building blocks.</summary>
    public const string Kernels = "Kernels::";

    /// <summary>Prefix of the per-row family's types.</summary>
    public const string PerRow = "PerRow::";

    /// <summary>Prefix of names in the matrix family's namespace.</summary>
    public const string Matrix = "Matrix::";

    /// <summary>Prefix of ILGPU's types.</summary>
    public const string Ilgpu = "ILGPU::";

    /// <summary>Prefix of System's types.</summary>
    public const string System = "System::";

    /// <summary>Prefix of the immutable collections.</summary>
    public const string Immutable = "Immutable::";

    /// <summary>Prefix of the generic collections.</summary>
    public const string Generic = "Generic::";

    /// <summary>The tool name <c>[GeneratedCode]</c> carries.</summary>
    public const string GeneratorName = "Cce.Gen";

    /// <summary>The version <c>[GeneratedCode]</c> carries: the generator's, so a stale build shows in the generated code.</summary>
    public const string GeneratorVersion = ThisAssembly.Version;

    /// <summary>The attribute on every generated type and member (not on the partial re-declarations of the user's types).</summary>
    public const string GeneratedCode = "[Compiler::GeneratedCode(\"" + GeneratorName + "\", \"" + GeneratorVersion + "\")]";
}
