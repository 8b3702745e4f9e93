namespace Cce;

/// <summary>
/// One launch configuration the generator specialises a kernel set for, and the tuner may pick.
/// Each warp owns one row at a time and walks its items in sub-groups of lanes, one 16-byte chunk
/// of an item row per lane; repeat the attribute to widen the search space.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class PerRowTileAttribute : Attribute
{
    /// <summary>Warps per thread group (1 to 32). Default: 4.</summary>
    public int Warps { get; set; } = 4;

    /// <summary>Rows handled by one thread group; a multiple of <see cref="Warps"/>. Default: 4.</summary>
    public int RowsPerGroup { get; set; } = 4;

    /// <summary>
    /// Item rows each lane sub-group loads before reducing them (1 to 8), to hide gather latency; in the sorted
    /// pipeline's dW reduction, the rows of a segment in flight. Default: 2.
    /// </summary>
    public int ItemsInFlight { get; set; } = 2;

    /// <summary>
    /// How gradients are formed. Default: <see cref="PerRowPipeline.Fused"/>. The candidate set a class gets when it
    /// declares none starts with sorted tiles; ILGPU's CPU accelerator runs the pipeline of the first candidate.
    /// </summary>
    public PerRowPipeline Pipeline { get; set; } = PerRowPipeline.Fused;

    /// <summary>
    /// Rows per chunk of the sorted pipeline's dW pass: a multiple of 1024 up to 65536 (0, the default, means 65536).
    /// The runtime takes fewer when the workspace limit asks for it. Only for <see cref="PerRowPipeline.Sorted"/>.
    /// </summary>
    public int ChunkRows { get; set; }

    /// <summary>
    /// Lanes that read one item row together: a power of two up to 32 (0, the default, gives each 16-byte chunk of the
    /// row its own lane). Fewer lanes per item put more items in flight per warp and shorten each dot product's
    /// shuffle reduction, at the price of more registers per lane.
    /// </summary>
    public int LanesPerItem { get; set; }

    /// <summary>
    /// Groups that must fit one multiprocessor at once: the compiler caps each thread's registers to allow it (CUDA
    /// launch bounds, for the kernels that gather item rows per row: the fused kernels and the sorted pipeline's first
    /// pass), trading spills for occupancy. 1 to 32; 0, the default, leaves registers to the compiler. No effect on the
    /// CPU accelerator.
    /// </summary>
    public int MinGroupsPerMultiprocessor { get; set; }
}
