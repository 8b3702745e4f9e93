using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using Cce.Families.Matrix;

namespace Cce;

/// <summary>
/// One launch configuration of the matrix kernels: a group owns a block of rows (or of items) and walks the other side
/// in tiles, forming each block of logits on the GPU's matrix units.
/// </summary>
/// <param name="Rows">Rows a group owns, of H (of W in the dW pass): a multiple of 16 per warp.</param>
/// <param name="Items">Rows of the other side per streamed tile: a multiple of 16.</param>
/// <param name="DStep">Elements of D per iteration of the logit loop (a multiple of 16 dividing D).</param>
/// <param name="Warps">Warps per group.</param>
/// <param name="Stages">Streamed tiles in flight in shared memory (2 to 4: one copied while another is used).</param>
/// <param name="WarpGroups">
/// Whether the kernels run on Hopper's warpgroup matrix instructions (wgmma, sm_90a only): four warps share each 64-row
/// slice, and <paramref name="DStep"/> is all of D.
/// </param>
public sealed partial record MatrixTile(int Rows, int Items, int DStep, int Warps, int Stages, bool WarpGroups = false) : KernelTile
{
    /// <summary>The family name of the matrix kernels, as tuning-cache keys carry it.</summary>
    public const string FamilyName = "Matrix";

    /// <inheritdoc />
    public override string Family => FamilyName;

    /// <inheritdoc />
    /// <remarks>"m{Rows}n{Items}k{DStep}w{Warps}s{Stages}", e.g. "m64n64k32w4s2", with "wg" after it for the warpgroup kernels, e.g. "m128n128k256w8s2wg".</remarks>
    public override string CanonicalText =>
        string.Create(CultureInfo.InvariantCulture, $"m{Rows}n{Items}k{DStep}w{Warps}s{Stages}{(WarpGroups ? WarpGroupSuffix : string.Empty)}");

    /// <summary>What the canonical text of a warpgroup tile ends with.</summary>
    public const string WarpGroupSuffix = "wg";

    /// <summary>Threads per group.</summary>
    public int ThreadsPerGroup => Warps * MatrixGeometry.WarpSize;

    /// <summary>The tile's numbers, as the geometry the generator shares takes them.</summary>
    public MatrixTileSize Size => new(Rows, Items, DStep, Warps, Stages, WarpGroups);

    /// <summary>Reads the canonical text of a matrix tile, e.g. "m64n64k32w4s2" or "m128n128k256w8s2wg".</summary>
    /// <param name="text">The text; surrounding white space is ignored.</param>
    /// <param name="tile">The tile, when the text is one.</param>
    public static bool TryParse(string? text, [NotNullWhen(true)] out MatrixTile? tile)
    {
        Match match = text is null ? Match.Empty : Pattern().Match(text.Trim());
        var values = new int[5];
        for (int i = 0; i < values.Length; i++)
        {
            if (!match.Success || !int.TryParse(match.Groups[i + 1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out values[i]) || values[i] < 1)
            {
                tile = null;
                return false;
            }
        }

        tile = new MatrixTile(values[0], values[1], values[2], values[3], values[4], match.Groups[6].Success);
        return true;
    }

    [GeneratedRegex("^m([0-9]+)n([0-9]+)k([0-9]+)w([0-9]+)s([0-9]+)(" + WarpGroupSuffix + ")?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
