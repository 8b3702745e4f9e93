using Cce.Gen.SourceGenerators.Models;

namespace Cce.Gen.SourceGenerators;

public sealed partial class LossGenerator
{
    /// <summary>Model to C# source text.</summary>
    internal static class Emitter
    {
        public static string HintName(LossModel model) =>
            (model.Namespace is null ? string.Empty : model.Namespace + ".") + model.KernelsTypeName + ".g.cs";

        public static string Emit(LossModel model) => "// pending: " + model.ClassName + "\n";
    }
}
