namespace Cce.Gen.SourceGenerators.Models;

/// <summary>Everything the emitter needs for one annotated class: strings, numbers, enums and equatable arrays only.</summary>
/// <param name="Namespace">Namespace of the class, or null for the global namespace.</param>
/// <param name="ClassName">Name of the annotated class.</param>
/// <param name="ContainingTypes">Enclosing types from outermost to innermost (all partial).</param>
/// <param name="KernelsTypeName">Name of the public top-level static class that holds the kernels (unique per class).</param>
/// <param name="Settings">The loss description.</param>
/// <param name="Tiles">Tile candidates in declaration order (the default set when none was declared).</param>
/// <param name="MatrixTiles">Matrix tile candidates in declaration order (the default set when none was declared), for a scheme of the matrix family; empty otherwise.</param>
/// <param name="TilesDeclared">Whether the class declared its own candidates.</param>
/// <param name="RegistryName">
/// The class's fully qualified name as the assembly's loss registry names it, or null when the registry cannot name
/// it (nested in a generic type, or not visible to the rest of its assembly).
/// </param>
internal sealed record LossModel(
    string? Namespace,
    string ClassName,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    string KernelsTypeName,
    LossSettings Settings,
    EquatableArray<TileModel> Tiles,
    EquatableArray<MatrixTileModel> MatrixTiles,
    bool TilesDeclared,
    string? RegistryName);
