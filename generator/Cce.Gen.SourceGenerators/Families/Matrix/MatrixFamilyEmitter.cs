using System.Collections.Generic;
using Cce.Gen.SourceGenerators.Emitting;
using Cce.Gen.SourceGenerators.Models;
using static Cce.Gen.SourceGenerators.Emitting.InvariantText;

namespace Cce.Gen.SourceGenerators.Families.Matrix;

/// <summary>
/// The files of a loss of the matrix family: one per tile candidate and one for the portable layout, each holding its
/// kernels in a file-local class and the factory of its variant in a part of the loss class.
/// </summary>
internal static class MatrixFamilyEmitter
{
    private const string Cce = GlobalNames.Cce;

    /// <summary>The tile the portable variant reports: its kernels ignore it, one thread owning a row or an item.</summary>
    private static readonly MatrixTileModel PortableTile = new(16, 16, 16, 1, 1);

    /// <summary>The kernel files of <paramref name="model"/>: hint-name suffix (e.g. <c>m64n64k64w4s2</c>) and text.</summary>
    public static IEnumerable<(string Suffix, string Source)> Files(LossModel model, string kernelsStem)
    {
        foreach (MatrixTileModel tile in model.MatrixTiles)
        {
            yield return (tile.Suffix, KernelsFile(model, MatrixKernelSource.For(model.Settings, tile), kernelsStem));
        }

        yield return ("Portable", KernelsFile(model, new PortableMatrixKernels(model.Settings, PortableTile), kernelsStem));
    }

    /// <summary>The loss class's variant fields: the candidates in declaration order, then the portable variant.</summary>
    public static void EmitVariants(SourceWriter w, LossModel model)
    {
        w.GeneratedCode();
        w.Line($"private static readonly {GlobalNames.Immutable}ImmutableArray<{Cce}KernelVariant> CceVariants = {GlobalNames.Immutable}ImmutableArray.Create<{Cce}KernelVariant>(");
        for (int i = 0; i < model.MatrixTiles.Length; i++)
        {
            w.Line($"    CceVariant_{model.MatrixTiles[i].Suffix}(){(i + 1 < model.MatrixTiles.Length ? "," : ");")}");
        }

        w.Line();
        w.GeneratedCode();
        w.Line($"private static readonly {Cce}KernelVariant CcePortableVariant = CceVariant_Portable();");
    }

    private static string KernelsFile(LossModel model, MatrixKernelSource kernels, string kernelsStem)
    {
        var w = new SourceWriter();
        w.FileStart(model.Namespace, GlobalNames.CceAlias, GlobalNames.CompilerAlias, GlobalNames.KernelsAlias, GlobalNames.MatrixAlias, GlobalNames.IlgpuAlias, GlobalNames.SystemAlias);
        foreach (ContainingTypeModel outer in model.ContainingTypes)
        {
            w.Open($"partial {outer.Keyword} {outer.Name}");
        }

        string className = kernelsStem + "_" + kernels.Suffix + "_Kernels";
        MatrixTileModel t = kernels.Tile;
        w.Open($"partial class {model.ClassName}");
        w.Line($"/// <summary>The {kernels.Name} kernels of this loss, as one of its variants.</summary>");
        w.GeneratedCode();
        w.Line($"private static {Cce}KernelVariant CceVariant_{kernels.Suffix}() => new {Cce}MatrixVariant(");
        w.Line(Invariant($"    new {Cce}MatrixTile({t.Rows}, {t.Items}, {t.DStep}, {t.Warps}, {t.Stages}{(t.WarpGroups ? ", WarpGroups: true" : string.Empty)}),"));
        w.Line($"    {Cce}KernelLayout.{kernels.Layout},");
        w.Line($"    {className}.ForwardRows,");
        w.Line($"    {className}.ForwardGradientRows,");
        w.Line($"    {className}.GradientRows,");
        w.Line($"    {className}.GradientItems,");
        w.Line($"    staged: {(kernels.Staged ? "true" : "false")});");
        w.Close();
        foreach (ContainingTypeModel _ in model.ContainingTypes)
        {
            w.Close();
        }

        w.Line();
        w.Line($"/// <summary>The {kernels.Name} kernels of <c>{model.ClassName}</c>: {kernels.Shape}</summary>");
        w.GeneratedCode();
        w.Open($"file static class {className}");
        kernels.Emit(w);
        w.Close();
        return w.ToString();
    }
}
