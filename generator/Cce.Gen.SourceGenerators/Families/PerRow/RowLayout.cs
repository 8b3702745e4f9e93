using Cce.Families.PerRow;
using System;
using Cce.Gen.SourceGenerators.Emitting;
using Cce.Gen.SourceGenerators.Models;

namespace Cce.Gen.SourceGenerators.Families.PerRow;

/// <summary>
/// How the threads of a group share the rows of the per-row kernels: everything the warp and the portable
/// layouts write differently, so that <see cref="PerRowKernelEmitter"/> is one skeleton for both. The lanes
/// of a row, and so every shuffle and chunk count, follow from <see cref="Geometry"/>.
/// </summary>
internal abstract class RowLayout
{
    /// <summary>Sizes the layout of <paramref name="tile"/> with <paramref name="lanesPerRow"/> lanes sharing each row.</summary>
    protected RowLayout(LossSettings settings, TileModel tile, int lanesPerRow)
    {
        Settings = settings;
        Tile = tile;
        Geometry = new PerRowGeometry(settings.Element, settings.HiddenSize, settings.Negatives, settings.HiddenGradient, tile.Warps, lanesPerRow, tile.LanesPerItem);
    }

    /// <summary>The launch shape of this layout's kernels.</summary>
    public TileModel Tile { get; }

    /// <summary>The mapping of the loss onto the lanes, the same the runtime launches with.</summary>
    public PerRowGeometry Geometry { get; }

    /// <summary>The fp32 elements of a row each lane holds.</summary>
    public int ElementsPerLane => Geometry.ChunksPerLane * Geometry.VectorWidth;

    /// <summary>Whether the fused kernel keeps the logits in shared memory between its passes rather than recomputing them.</summary>
    public bool KeepsLogits => Geometry.KeepsLogits;

    /// <summary>The member of the runtime's <c>KernelLayout</c> that this layout's variant declares.</summary>
    public abstract string KernelLayout { get; }

    /// <summary>The suffix naming this layout's kernels, e.g. "w4r8f2", or "Portable".</summary>
    public abstract string Suffix { get; }

    /// <summary>How the threads share the work, ending the summary of each kernel after its mode's description.</summary>
    public abstract string Shape { get; }

    /// <summary>The loss being emitted.</summary>
    public LossSettings Settings { get; }

    /// <summary>The name of one entry point.</summary>
    public string Name(KernelMode mode) => mode + "_" + Suffix;

    /// <summary>
    /// Opens the loop over the rows of this thread, with <c>row</c> in scope in its body, each part after a comment
    /// saying what it is; the skeleton closes it.
    /// </summary>
    public abstract void OpenRowLoop(SourceWriter w, bool keepLogits);

    /// <summary>Writes <paramref name="body"/> for the lanes meeting <paramref name="condition"/> only.</summary>
    public abstract void When(SourceWriter w, string condition, Action body);

    /// <summary>The chunk index, within a row, of this lane's <paramref name="i"/>-th chunk.</summary>
    public abstract IndexExpression LaneChunk(int i);

    /// <summary>Declares <c>m</c> and <c>sum</c>, the running log-sum-exp, with the positive logit <c>s0</c> already counted once per row.</summary>
    public abstract void StartLogSumExp(SourceWriter w);

    /// <summary>A bool expression: whether this thread's <c>item</c> lies in the catalog.</summary>
    public abstract string ItemInCatalog { get; }

    /// <summary>The statement that leaves the current item of the item loop.</summary>
    public abstract string SkipItem { get; }

    /// <summary>
    /// Opens the loop over the items of this thread for the kernels that own one item row each, with <c>item</c> in
    /// scope (and, in the warp layout, the lane variables); the caller closes it.
    /// </summary>
    public abstract void OpenItemLoop(SourceWriter w);

    /// <summary>An expression worth <paramref name="value"/> in the row's first sub-group and <paramref name="otherwise"/> in the others.</summary>
    public abstract string FirstSubGroupOnly(string value, string otherwise);

    /// <summary>The first slot the lanes of this thread handle in iteration <c>it</c>.</summary>
    public abstract IndexExpression SlotBase(int slotsPerIteration);

    /// <summary>Loads whatever the dW scatter reads of h beyond the widened <c>h0</c> … <c>h(E-1)</c>.</summary>
    public abstract void LoadScatterHidden(SourceWriter w);

    /// <summary>dW[item] += coefficient · h over this lane's elements, as fp32 atomics.</summary>
    public abstract void ScatterItemGradient(SourceWriter w, string item, string coefficient);
}
