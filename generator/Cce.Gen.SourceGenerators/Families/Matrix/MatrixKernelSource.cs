using Cce.Gen.SourceGenerators.Emitting;
using Cce.Gen.SourceGenerators.Models;

namespace Cce.Gen.SourceGenerators.Families.Matrix;

/// <summary>
/// The four kernels of one matrix variant: the row pass of a forward call, the row pass of a fused call, the row pass
/// from a saved log-sum-exp, and the item pass. Each layout writes them its own way over <c>MatrixArguments a</c>.
/// </summary>
internal abstract class MatrixKernelSource
{
    protected MatrixKernelSource(LossSettings settings, MatrixTileModel tile)
    {
        Settings = settings;
        Tile = tile;
    }

    /// <summary>The loss description.</summary>
    public LossSettings Settings { get; }

    /// <summary>The tile the variant reports.</summary>
    public MatrixTileModel Tile { get; }

    /// <summary>How the variant is named in its file and its factory, e.g. <c>m64n64k64w4s2</c> or <c>Portable</c>.</summary>
    public abstract string Suffix { get; }

    /// <summary>How reports and docs name the variant.</summary>
    public abstract string Name { get; }

    /// <summary>The runtime's <c>KernelLayout</c> member of the variant.</summary>
    public abstract string Layout { get; }

    /// <summary>Whether the kernels stage their tiles in dynamic shared memory.</summary>
    public virtual bool Staged => false;

    /// <summary>The description's scheme: the catalog, or a shared set and how its slots' items and corrections read.</summary>
    protected Schemes.MatrixSchemeEmitter Scheme => (Schemes.MatrixSchemeEmitter)Schemes.SchemeRegistry.Of(Settings);

    /// <summary>Whether the rows of a group stream their shared candidate set, gathered slot by slot, instead of the catalog.</summary>
    protected bool Gathered => Scheme.Gathered;

    /// <summary>One sentence on how threads share the work.</summary>
    public abstract string Shape { get; }

    /// <summary>
    /// The kernels of a tile candidate: on Hopper's warpgroup matrix instructions when the tile asks for them, else on the
    /// matrix units (mma.sync) for 16-bit elements (and TF32 when allowed), exact fp32 on the CUDA cores otherwise.
    /// </summary>
    public static MatrixKernelSource For(LossSettings settings, MatrixTileModel tile)
    {
        var geometry = new Cce.Families.Matrix.MatrixGeometry(settings.Element, settings.HiddenSize, tile.Size, settings.AllowTensorFloat32);
        // fp32 without TF32, or a width the swizzled rows do not take: plain loops, a thread per row.
        if (!geometry.Tiled)
        {
            return new PortableMatrixKernels(settings, tile, candidate: true);
        }

        return tile.WarpGroups && !geometry.TensorFloat32
            ? new WarpGroupMatrixKernels(settings, tile)
            : new TiledMatrixKernels(settings, tile);
    }

    /// <summary>Writes the kernels: <c>ForwardRows</c>, <c>ForwardGradientRows</c>, <c>GradientRows</c>, <c>GradientItems</c>.</summary>
    public abstract void Emit(SourceWriter w);
}
