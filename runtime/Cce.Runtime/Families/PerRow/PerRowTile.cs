using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using Cce.Families.PerRow;

namespace Cce;

/// <summary>One launch configuration of the per-row kernels: a warp owns a row, its lanes split the item rows.</summary>
/// <param name="Warps">Warps per group.</param>
/// <param name="RowsPerGroup">Rows per group, a multiple of <paramref name="Warps"/>.</param>
/// <param name="ItemsInFlight">Item rows each lane sub-group loads before reducing them (segment rows, in the sorted reduction).</param>
/// <param name="Pipeline">How gradients are formed.</param>
/// <param name="ChunkRows">Rows per chunk of the sorted pipeline's dW pass (a multiple of 1024 up to 65536); 0 for the fused pipeline.</param>
/// <param name="LanesPerItem">Lanes that read one item row (a power of two up to 32); 0 for one per 16-byte chunk of the row.</param>
/// <param name="MinGroupsPerMultiprocessor">Groups that must fit one multiprocessor, which caps registers per thread (CUDA launch bounds of the row-gathering kernels); 0 for the compiler's choice.</param>
public sealed partial record PerRowTile(int Warps, int RowsPerGroup, int ItemsInFlight, PerRowPipeline Pipeline = PerRowPipeline.Fused, int ChunkRows = 0, int LanesPerItem = 0, int MinGroupsPerMultiprocessor = 0) : KernelTile
{
    /// <summary>Rows of a chunk are counted in units of this many in the canonical text.</summary>
    public const int ChunkRowsStep = 1024;

    /// <summary>Most rows of one chunk: the sorted pass indexes a chunk's rows in 16 bits.</summary>
    public const int MaxChunkRows = 65536;

    /// <summary>The family name of the per-row kernels, as tuning-cache keys carry it.</summary>
    public const string FamilyName = "PerRow";

    /// <inheritdoc />
    public override string Family => FamilyName;

    /// <inheritdoc />
    /// <remarks>
    /// "w{Warps}r{RowsPerGroup}f{ItemsInFlight}", e.g. "w8r16f2"; a sorted tile adds "s{ChunkRows / 1024}k", a chosen
    /// sub-group width "l{LanesPerItem}" and launch bounds "g{MinGroupsPerMultiprocessor}", e.g. "w4r4f2s64kl8g4".
    /// </remarks>
    public override string CanonicalText =>
        string.Create(CultureInfo.InvariantCulture, $"w{Warps}r{RowsPerGroup}f{ItemsInFlight}")
        + (Pipeline == PerRowPipeline.Sorted ? string.Create(CultureInfo.InvariantCulture, $"s{ChunkRows / ChunkRowsStep}k") : string.Empty)
        + (LanesPerItem > 0 ? string.Create(CultureInfo.InvariantCulture, $"l{LanesPerItem}") : string.Empty)
        + (MinGroupsPerMultiprocessor > 0 ? string.Create(CultureInfo.InvariantCulture, $"g{MinGroupsPerMultiprocessor}") : string.Empty);

    /// <summary>The launch bounds of the row-gathering kernels on <paramref name="accelerator"/>: none on the CPU accelerator or when not asked for.</summary>
    internal ILGPU.Runtime.KernelSpecialization GatherSpecialization(ILGPU.Runtime.Accelerator accelerator) =>
        MinGroupsPerMultiprocessor > 0 && accelerator.AcceleratorType == ILGPU.Runtime.AcceleratorType.Cuda
            ? new ILGPU.Runtime.KernelSpecialization(ThreadsPerGroup, MinGroupsPerMultiprocessor)
            : ILGPU.Runtime.KernelSpecialization.Empty;

    /// <summary>Rows each warp handles in sequence.</summary>
    public int RowsPerWarp => RowsPerGroup / Warps;

    /// <summary>Threads per group.</summary>
    public int ThreadsPerGroup => Warps * PerRowGeometry.WarpSize;

    /// <summary>Reads the canonical text of a per-row tile, e.g. "w8r16f2" or "w4r4f2s64k".</summary>
    /// <param name="text">The text; surrounding white space is ignored.</param>
    /// <param name="tile">The tile, when the text is one.</param>
    public static bool TryParse(string? text, [NotNullWhen(true)] out PerRowTile? tile)
    {
        Match match = text is null ? Match.Empty : Pattern().Match(text.Trim());
        if (!match.Success
            || !TryNumber(match.Groups[1].Value, out int warps)
            || !TryNumber(match.Groups[2].Value, out int rows)
            || !TryNumber(match.Groups[3].Value, out int items))
        {
            tile = null;
            return false;
        }

        int lanes = 0;
        int groups = 0;
        if ((match.Groups[5].Success && !TryNumber(match.Groups[5].Value, out lanes))
            || (match.Groups[6].Success && !TryNumber(match.Groups[6].Value, out groups)))
        {
            tile = null;
            return false;
        }

        if (!match.Groups[4].Success)
        {
            tile = new PerRowTile(warps, rows, items, LanesPerItem: lanes, MinGroupsPerMultiprocessor: groups);
            return true;
        }

        if (!TryNumber(match.Groups[4].Value, out int kiloRows) || kiloRows > MaxChunkRows / ChunkRowsStep)
        {
            tile = null;
            return false;
        }

        tile = new PerRowTile(warps, rows, items, PerRowPipeline.Sorted, kiloRows * ChunkRowsStep, lanes, groups);
        return true;
    }

    private static bool TryNumber(string digits, out int value) =>
        int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value > 0;

    [GeneratedRegex("^w([0-9]+)r([0-9]+)f([0-9]+)(?:s([0-9]+)k)?(?:l([0-9]+))?(?:g([0-9]+))?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
