using System.Collections.Generic;
using System.Globalization;
using Cce.Gen.SourceGenerators.Diagnostics;
using Cce.Gen.SourceGenerators.Models;
using Cce.Gen.SourceGenerators.Parsing;
using Microsoft.CodeAnalysis;
using Cce.Families.PerRow;

namespace Cce.Gen.SourceGenerators;

public sealed partial class LossGenerator
{
    internal static partial class Parser
    {
        /// <summary>Largest number of item rows a lane sub-group may keep in flight (registers per lane grow with it).</summary>
        private const int MaxItemsInFlight = 8;

        /// <summary>The candidates used when a class declares none, from the most to the least commonly best.</summary>
        private static readonly TileModel[] FusedDefaults =
        {
            new(4, 4, 2),
            new(8, 8, 2),
        };

        /// <summary>Most groups a multiprocessor holds at once (CUDA's limit on every current architecture).</summary>
        private const int MaxGroupsPerMultiprocessor = 32;

        /// <summary>
        /// Launch bounds of the first default candidate: four groups of four warps per multiprocessor, so 128 registers a
        /// thread, where the compiler would take about 167 and fit three (docs/perf.md: pass 1 13-15 % faster at D = 256).
        /// </summary>
        private const int BoundedGroups = 4;

        /// <summary>Most rows of one chunk of the sorted pipeline: its payload indexes a chunk's rows in 16 bits.</summary>
        private const int MaxChunkRows = 65536;

        /// <summary>Granularity of a chunk of the sorted pipeline (its tile's canonical text counts chunks in Ki rows).</summary>
        private const int ChunkRowsStep = 1024;

        /// <summary>The declared candidates, checked (CCE0008 to CCE0011) and without duplicates, or the default set.</summary>
        private static List<TileModel> ReadTiles(
            List<AttributeArguments> attributes,
            LossSettings settings,
            string className,
            List<DiagnosticInfo> diagnostics)
        {
            return attributes.Count == 0
                ? DefaultTilesFor(settings)
                : DeclaredTiles(attributes, settings, className, diagnostics);
        }

        private static List<TileModel> DeclaredTiles(List<AttributeArguments> attributes, LossSettings settings, string className, List<DiagnosticInfo> diagnostics)
        {
            var tiles = new List<TileModel>();
            foreach (AttributeArguments attribute in attributes)
            {
                var pipeline = (PerRowPipeline)attribute.Int(nameof(TileModel.Pipeline), (int)PerRowPipeline.Fused);
                int chunkRows = attribute.Int(nameof(TileModel.ChunkRows), 0);
                var tile = new TileModel(
                    attribute.Int(nameof(TileModel.Warps), 4),
                    attribute.Int(nameof(TileModel.RowsPerGroup), 4),
                    attribute.Int(nameof(TileModel.ItemsInFlight), 2),
                    pipeline,
                    pipeline == PerRowPipeline.Sorted && chunkRows == 0 ? MaxChunkRows : chunkRows,
                    attribute.Int(nameof(TileModel.LanesPerItem), 0),
                    attribute.Int(nameof(TileModel.MinGroupsPerMultiprocessor), 0));
                if (tiles.Contains(tile))
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.DuplicateCandidate, attribute.Location, className, "(Warps = " + Text(tile.Warps) + ", RowsPerGroup = " + Text(tile.RowsPerGroup) + ", ItemsInFlight = " + Text(tile.ItemsInFlight) + ")"));
                    continue;
                }

                CheckTile(tile, attribute, settings, className, diagnostics);
                tiles.Add(tile);
            }

            return tiles;
        }

        private static void CheckTile(TileModel tile, AttributeArguments attribute, LossSettings settings, string className, List<DiagnosticInfo> diagnostics)
        {
            const int MaxWarps = PerRowGeometry.MaxThreadsPerGroup / PerRowGeometry.WarpSize;
            bool warpsValid = tile.Warps is >= 1 and <= MaxWarps;
            if (!warpsValid)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.CandidateCannotLaunch,
                    attribute.LocationOf(nameof(TileModel.Warps)),
                    className,
                    tile.Warps,
                    MaxWarps,
                    PerRowGeometry.MaxThreadsPerGroup));
            }
            else if (settings.Negatives >= 1 && tile.Pipeline == PerRowPipeline.Fused && !settings.DeterministicGradients)
            {
                long bytes = SharedBytes(settings, tile);
                if (bytes > PerRowGeometry.MaxSharedBytesPerGroup)
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.CandidateSharedMemory,
                        attribute.LocationOf(nameof(TileModel.Warps)),
                        className,
                        bytes,
                        "the tile candidate with Warps = " + Text(tile.Warps) + " and Negatives = " + Text(settings.Negatives),
                        PerRowGeometry.MaxSharedBytesPerGroup));
                }
            }

            if (settings.DeterministicGradients && tile.Pipeline != PerRowPipeline.Sorted)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.ConflictingSettings,
                    attribute.LocationOf(nameof(TileModel.Pipeline)),
                    className,
                    "DeterministicGradients = true with a tile candidate of Pipeline = " + tile.Pipeline + ", which adds dW with float atomics in whatever order threads arrive",
                    "Pipeline = PerRowPipeline.Sorted on every tile candidate of a deterministic loss"));
            }

            if (tile.RowsPerGroup < 1 || (warpsValid && tile.RowsPerGroup % tile.Warps != 0))
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.CandidateRows,
                    attribute.LocationOf(nameof(TileModel.RowsPerGroup)),
                    className,
                    "RowsPerGroup = " + Text(tile.RowsPerGroup) + " with Warps = " + Text(tile.Warps),
                    "a positive multiple of Warps, since each warp owns whole rows"));
            }

            if (tile.Pipeline == PerRowPipeline.Sorted
                ? tile.ChunkRows is < ChunkRowsStep or > MaxChunkRows || tile.ChunkRows % ChunkRowsStep != 0
                : tile.ChunkRows != 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.CandidateRows,
                    attribute.LocationOf(nameof(TileModel.ChunkRows)),
                    className,
                    "ChunkRows = " + Text(tile.ChunkRows) + " with Pipeline = " + tile.Pipeline,
                    tile.Pipeline == PerRowPipeline.Sorted
                        ? "a multiple of " + Text(ChunkRowsStep) + " up to " + Text(MaxChunkRows) + " (a chunk's rows are indexed in 16 bits)"
                        : "0 (only the sorted pipeline works in chunks)"));
            }

            if (tile.LanesPerItem != 0 && (tile.LanesPerItem is < 1 or > PerRowGeometry.WarpSize || (tile.LanesPerItem & (tile.LanesPerItem - 1)) != 0))
            {
                RejectValue(nameof(TileModel.LanesPerItem), tile.LanesPerItem, "0 (one lane per 16-byte chunk of a row) or a power of two up to " + Text(PerRowGeometry.WarpSize));
            }

            if (tile.MinGroupsPerMultiprocessor is < 0 or > MaxGroupsPerMultiprocessor)
            {
                RejectValue(nameof(TileModel.MinGroupsPerMultiprocessor), tile.MinGroupsPerMultiprocessor, "0 (registers left to the compiler) to " + Text(MaxGroupsPerMultiprocessor) + " groups resident on one multiprocessor");
            }

            if (tile.ItemsInFlight is < 1 or > MaxItemsInFlight)
            {
                RejectValue(nameof(TileModel.ItemsInFlight), tile.ItemsInFlight, "1 to " + Text(MaxItemsInFlight) + " item rows in flight per lane sub-group");
            }

            // CCE0010 for a knob whose value alone is out of range, pointing at its argument.
            void RejectValue(string knob, int value, string expected) => diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.CandidateRows, attribute.LocationOf(knob), className, knob + " = " + Text(value), expected));
        }

        /// <summary>
        /// The default set, measured best-first on an H200 (docs/perf.md): sorted tiles with four items in flight, at half
        /// the lanes per item of a 16-byte chunk each (more items per warp, shorter reductions; with launch bounds that
        /// trade registers for a fourth group per multiprocessor, and without; with half-size chunks, whose payload fits
        /// the L2 of smaller cards) and at one lane per chunk;
        /// a sorted tile with two in flight; then, unless gradients are deterministic, the fused tiles whose kept logits fit
        /// a group's shared memory. None when K or D is unusable (CCE0003 and CCE0004 already explain).
        /// </summary>
        private static List<TileModel> DefaultTilesFor(LossSettings settings)
        {
            var tiles = new List<TileModel>();
            var geometry = new PerRowGeometry(settings.Element, settings.HiddenSize, settings.Negatives, settings.HiddenGradient, warps: 1);
            if (settings.Negatives < 1 || !geometry.HiddenSizeFitsVectors)
            {
                return tiles;
            }

            int lanes = geometry.LanesPerItem;
            if (lanes >= 2)
            {
                tiles.Add(new TileModel(4, 4, 4, PerRowPipeline.Sorted, MaxChunkRows, lanes / 2, BoundedGroups));
                tiles.Add(new TileModel(4, 4, 4, PerRowPipeline.Sorted, MaxChunkRows, lanes / 2));
                tiles.Add(new TileModel(4, 4, 4, PerRowPipeline.Sorted, MaxChunkRows / 2, lanes / 2, BoundedGroups));
            }

            tiles.Add(new TileModel(4, 4, 4, PerRowPipeline.Sorted, MaxChunkRows));
            tiles.Add(new TileModel(4, 4, 2, PerRowPipeline.Sorted, MaxChunkRows));
            foreach (TileModel tile in FusedDefaults)
            {
                if (!settings.DeterministicGradients && SharedBytes(settings, tile) <= PerRowGeometry.MaxSharedBytesPerGroup)
                {
                    tiles.Add(tile);
                }
            }

            return tiles;
        }

        private static long SharedBytes(LossSettings settings, TileModel tile) =>
            new PerRowGeometry(settings.Element, settings.HiddenSize, settings.Negatives, settings.HiddenGradient, tile.Warps).FusedSharedBytes;

        private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
