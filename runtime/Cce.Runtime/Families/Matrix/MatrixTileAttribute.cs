namespace Cce;

/// <summary>
/// One launch configuration the generator specialises the matrix kernels for (the full-catalog scheme), and the tuner
/// may pick. A group of <see cref="Warps"/> warps owns a block of <see cref="Rows"/> rows of H (for dW: of W) in
/// shared memory and streams the other side in tiles of <see cref="Items"/> rows through <see cref="Stages"/> buffers,
/// forming the logits on the matrix units <see cref="DStep"/> elements of D per loop iteration; repeat the attribute
/// to widen the search space.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true, Inherited = false)]
public sealed class MatrixTileAttribute : Attribute
{
    /// <summary>Rows a group owns (of H; of W in the dW pass): a multiple of 16 per warp. Default: 64.</summary>
    public int Rows { get; set; } = 64;

    /// <summary>Rows of the other side per streamed tile (items of W; rows of H in the dW pass): a multiple of 16. Default: 64.</summary>
    public int Items { get; set; } = 64;

    /// <summary>
    /// Elements of D per iteration of the logit loop: a multiple of 16 that divides D (32 lets the compiler issue the
    /// next step's loads early, at the price of registers). Default: 16.
    /// </summary>
    public int DStep { get; set; } = 16;

    /// <summary>Warps per group (1 to 16). Default: 4.</summary>
    public int Warps { get; set; } = 4;

    /// <summary>Streamed tiles in flight in shared memory: 2 to 4 (one copied while another is used). Default: 2.</summary>
    public int Stages { get; set; } = 2;

    /// <summary>
    /// Whether the kernels run on Hopper's warpgroup matrix instructions (wgmma; an sm_90 GPU only, where the tuner and
    /// the verification suite leave the candidate out elsewhere): 16-bit elements, D a multiple of 64 up to 256,
    /// <see cref="Warps"/> a multiple of 4 with 16 <see cref="Rows"/> per warp (64 per warpgroup), <see cref="Items"/>
    /// a multiple of 16 up to 256, and <see cref="DStep"/> equal to D (each instruction of the gradient product covers
    /// all of it). Default: false (mma.sync, any GPU from sm_80 on).
    /// </summary>
    public bool WarpGroups { get; set; }
}
