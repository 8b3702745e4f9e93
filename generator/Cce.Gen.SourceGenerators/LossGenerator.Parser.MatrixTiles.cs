using System.Collections.Generic;
using Cce.Families.Matrix;
using Cce.Gen.SourceGenerators.Diagnostics;
using Cce.Gen.SourceGenerators.Models;
using Cce.Gen.SourceGenerators.Parsing;
using Microsoft.CodeAnalysis;

namespace Cce.Gen.SourceGenerators;

public sealed partial class LossGenerator
{
    internal static partial class Parser
    {
        /// <summary>
        /// The default matrix candidates, as measured on an H200. On the matrix units (mma.sync, every GPU): at D = 256
        /// eight warps owning 128 rows and streaming 64 (the D loop two instruction steps at a time, or one; three
        /// stages); at D = 64 four warps owning 128 and streaming 128. On Hopper's warpgroup instructions (sm_90 only; the
        /// tuner leaves them out elsewhere and the untuned default stays the first): at D = 256 two warpgroups streaming
        /// 128 items (or 64 through three stages), 1.6x the best mma.sync tile; at D = 64 four or three warpgroups
        /// streaming 128, 10 % ahead of it; at D = 128 and 192 two warpgroups streaming 128, as at D = 256. Candidates
        /// that do not fit D (registers, shared memory, divisibility, DStep = D for the warpgroup ones) are left out.
        /// </summary>
        private static readonly MatrixTileModel[] MatrixDefaults =
        {
            new(128, 64, 32, 8, 2),
            new(128, 64, 16, 8, 2),
            new(128, 64, 16, 8, 3),
            new(128, 128, 16, 4, 2),
            new(128, 128, 32, 4, 2),
            new(64, 64, 16, 4, 2),
            new(128, 128, 256, 8, 2, WarpGroups: true),
            new(128, 64, 256, 8, 3, WarpGroups: true),
            new(256, 128, 64, 16, 2, WarpGroups: true),
            new(192, 128, 64, 12, 2, WarpGroups: true),
            new(128, 128, 128, 8, 2, WarpGroups: true),
            new(128, 128, 192, 8, 2, WarpGroups: true),
        };

        /// <summary>Settings a scheme of the matrix family constrains: it takes no Negatives, and D must fill whole matrix instructions.</summary>
        private static void CheckMatrixSettings(LossSettings settings, AttributeArguments loss, string className, List<DiagnosticInfo> diagnostics)
        {
            if (settings.HiddenSize < MatrixGeometry.Step || settings.HiddenSize % MatrixGeometry.Step != 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.ConflictingSettings,
                    loss.LocationOf(nameof(LossSettings.HiddenSize)),
                    className,
                    "HiddenSize = " + Text(settings.HiddenSize) + " with Scheme = " + settings.Scheme,
                    "a positive multiple of " + Text(MatrixGeometry.Step) + ", the depth of one matrix instruction"));
            }
        }

        /// <summary>CCE0012 for each tile attribute of the other family: a per-row tile on a matrix loss, or the reverse.</summary>
        private static void RejectForeignTiles(List<AttributeArguments> foreign, LossSettings settings, string className, List<DiagnosticInfo> diagnostics)
        {
            bool matrix = SchemeFamilyIsMatrix(settings);
            foreach (AttributeArguments attribute in foreign)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.ConflictingSettings,
                    attribute.Location,
                    className,
                    (matrix ? "[PerRowTile]" : "[MatrixTile]") + " with Scheme = " + settings.Scheme + ", which the " + (matrix ? "matrix" : "per-row") + " kernels run",
                    matrix ? "[MatrixTile] candidates" : "[PerRowTile] candidates"));
            }
        }

        /// <summary>Whether the matrix family runs the scheme (an unavailable scheme is CCE0007 and counts as per-row).</summary>
        private static bool SchemeFamilyIsMatrix(LossSettings settings) =>
            Schemes.SchemeRegistry.For(settings.Scheme)?.Family == Schemes.KernelFamily.Matrix;

        private static List<MatrixTileModel> ReadMatrixTiles(List<AttributeArguments> attributes, LossSettings settings, string className, List<DiagnosticInfo> diagnostics)
        {
            var tiles = new List<MatrixTileModel>();
            if (attributes.Count == 0)
            {
                foreach (MatrixTileModel tile in MatrixDefaults)
                {
                    if (MatrixTileProblems(tile, settings).Count == 0)
                    {
                        tiles.Add(tile);
                    }
                }

                return tiles;
            }

            foreach (AttributeArguments attribute in attributes)
            {
                var tile = new MatrixTileModel(
                    attribute.Int(nameof(MatrixTileModel.Rows), 64),
                    attribute.Int(nameof(MatrixTileModel.Items), 64),
                    attribute.Int(nameof(MatrixTileModel.DStep), 16),
                    attribute.Int(nameof(MatrixTileModel.Warps), 4),
                    attribute.Int(nameof(MatrixTileModel.Stages), 2),
                    attribute.Bool(nameof(MatrixTileModel.WarpGroups), false));
                if (tiles.Contains(tile))
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.DuplicateCandidate, attribute.Location, className, "[MatrixTile] " + tile.Suffix));
                    continue;
                }

                foreach ((DiagnosticDescriptor descriptor, string knob, object[] arguments) in MatrixTileProblems(tile, settings))
                {
                    var all = new object[arguments.Length + 1];
                    all[0] = className;
                    arguments.CopyTo(all, 1);
                    diagnostics.Add(DiagnosticInfo.Create(descriptor, attribute.LocationOf(knob), all));
                }

                tiles.Add(tile);
            }

            return tiles;
        }

        /// <summary>What keeps a matrix tile from launching for these settings: each problem's diagnostic, the knob it points at and its message arguments after the class name.</summary>
        private static List<(DiagnosticDescriptor Descriptor, string Knob, object[] Arguments)> MatrixTileProblems(MatrixTileModel tile, LossSettings settings)
        {
            var problems = new List<(DiagnosticDescriptor, string, object[])>();
            var geometry = new MatrixGeometry(settings.Element, settings.HiddenSize, tile.Size, settings.AllowTensorFloat32);
            bool warpsValid = tile.Warps is >= 1 and <= MatrixGeometry.MaxWarps;
            if (!warpsValid)
            {
                problems.Add((DiagnosticDescriptors.CandidateCannotLaunch, nameof(tile.Warps), new object[] { tile.Warps, MatrixGeometry.MaxWarps, MatrixGeometry.MaxWarps * MatrixGeometry.WarpSize }));
            }

            if (tile.WarpGroups)
            {
                problems.AddRange(WarpGroupProblems(tile, settings, warpsValid));
            }
            else
            {
                if (warpsValid && !geometry.RowsFitWarps)
                {
                    problems.Add(Rows(nameof(tile.Rows), "Rows = " + Text(tile.Rows) + " with Warps = " + Text(tile.Warps), "a positive multiple of " + Text(MatrixGeometry.WarpRows) + " rows per warp"));
                }

                if (tile.Items < MatrixGeometry.Step || tile.Items % MatrixGeometry.Step != 0)
                {
                    problems.Add(Rows(nameof(tile.Items), "Items = " + Text(tile.Items), "a positive multiple of " + Text(MatrixGeometry.Step) + ", the depth of one matrix instruction"));
                }

                if (tile.DStep < MatrixGeometry.Step || tile.DStep % MatrixGeometry.Step != 0 || settings.HiddenSize % tile.DStep != 0)
                {
                    problems.Add(Rows(nameof(tile.DStep), "DStep = " + Text(tile.DStep) + " with HiddenSize = " + Text(settings.HiddenSize), "a multiple of " + Text(MatrixGeometry.Step) + " that divides HiddenSize"));
                }
            }

            if (geometry.Tiled && tile.Rows > tile.Stages * tile.Items && Schemes.SchemeRegistry.For(settings.Scheme) is Schemes.MatrixSchemeEmitter { Gathered: true })
            {
                problems.Add(Rows(
                    nameof(tile.Rows),
                    "Rows = " + Text(tile.Rows) + " with Items = " + Text(tile.Items) + " and Stages = " + Text(tile.Stages) + " on Scheme = " + settings.Scheme,
                    "at most Stages x Items rows: the epilogue gathers the positives' rows of W into the streamed stages"));
            }

            if (tile.Stages is < MatrixGeometry.MinStages or > MatrixGeometry.MaxStages)
            {
                problems.Add(Rows(nameof(tile.Stages), "Stages = " + Text(tile.Stages), Text(MatrixGeometry.MinStages) + " to " + Text(MatrixGeometry.MaxStages) + " tiles in flight (one copied while another is used)"));
            }

            if (warpsValid && geometry.SharedBytes > MatrixGeometry.MaxSharedBytesPerGroup)
            {
                problems.Add((DiagnosticDescriptors.CandidateSharedMemory, nameof(tile.Stages), new object[]
                {
                    geometry.SharedBytes,
                    "the matrix tile candidate " + tile.Suffix + " at HiddenSize = " + Text(settings.HiddenSize),
                    MatrixGeometry.MaxSharedBytesPerGroup,
                }));
            }

            if (warpsValid && geometry.AccumulatorsPerThread > MatrixGeometry.MaxAccumulatorsPerThread)
            {
                problems.Add((DiagnosticDescriptors.CandidateRegisters, nameof(tile.Warps), new object[]
                {
                    geometry.AccumulatorsPerThread,
                    "its share of a " + Text(System.Math.Max(tile.Rows, tile.Items)) + " x " + Text(settings.HiddenSize) + " block of dH or dW over " + Text(tile.Warps) + " warps",
                    MatrixGeometry.MaxAccumulatorsPerThread,
                }));
            }

            return problems;
        }

        /// <summary>
        /// What keeps a warpgroup tile from launching: 16-bit elements and D a multiple of 64 up to 256 (CCE0012), whole
        /// warpgroups of 64 rows, a streamed tile that is one instruction's N, and a gradient product over all of D (CCE0010).
        /// </summary>
        private static List<(DiagnosticDescriptor Descriptor, string Knob, object[] Arguments)> WarpGroupProblems(MatrixTileModel tile, LossSettings settings, bool warpsValid)
        {
            var problems = new List<(DiagnosticDescriptor, string, object[])>();
            if (settings.Element == ElementType.Float32)
            {
                problems.Add(Conflict("WarpGroups = true with Element = Float32", "Element = Float16 or BFloat16: the warpgroup kernels multiply 16-bit inputs"));
            }

            if (settings.HiddenSize % MatrixGeometry.TiledHiddenStep != 0 || settings.HiddenSize > MatrixGeometry.MaxWarpGroupWidth)
            {
                problems.Add(Conflict(
                    "WarpGroups = true with HiddenSize = " + Text(settings.HiddenSize),
                    "a HiddenSize that is a multiple of " + Text(MatrixGeometry.TiledHiddenStep) + " up to " + Text(MatrixGeometry.MaxWarpGroupWidth) + " (whole swizzled rows of shared memory, one instruction over all of D)"));
            }

            if (warpsValid && tile.Warps % MatrixGeometry.WarpGroupWarps != 0)
            {
                problems.Add(Rows(nameof(tile.Warps), "Warps = " + Text(tile.Warps) + " with WarpGroups = true", "a multiple of " + Text(MatrixGeometry.WarpGroupWarps) + ", whole warpgroups"));
            }
            else if (warpsValid && tile.Rows != MatrixGeometry.WarpRows * tile.Warps)
            {
                problems.Add(Rows(
                    nameof(tile.Rows),
                    "Rows = " + Text(tile.Rows) + " with Warps = " + Text(tile.Warps) + " and WarpGroups = true",
                    "Rows = " + Text(MatrixGeometry.WarpRows * tile.Warps) + ", " + Text(MatrixGeometry.WarpGroupRows) + " rows per warpgroup"));
            }

            if (tile.Items < MatrixGeometry.Step || tile.Items % MatrixGeometry.Step != 0 || tile.Items > MatrixGeometry.MaxWarpGroupWidth)
            {
                problems.Add(Rows(
                    nameof(tile.Items),
                    "Items = " + Text(tile.Items) + " with WarpGroups = true",
                    "a multiple of " + Text(MatrixGeometry.Step) + " up to " + Text(MatrixGeometry.MaxWarpGroupWidth) + ", the N of one warpgroup instruction"));
            }

            if (tile.DStep != settings.HiddenSize)
            {
                problems.Add(Rows(
                    nameof(tile.DStep),
                    "DStep = " + Text(tile.DStep) + " with HiddenSize = " + Text(settings.HiddenSize) + " and WarpGroups = true",
                    "DStep = " + Text(settings.HiddenSize) + ": each warpgroup instruction of the gradient product covers all of D"));
            }

            return problems;

            static (DiagnosticDescriptor, string, object[]) Conflict(string declared, string expected) =>
                (DiagnosticDescriptors.ConflictingSettings, nameof(MatrixTileModel.WarpGroups), new object[] { declared, expected });
        }

        private static (DiagnosticDescriptor, string, object[]) Rows(string knob, string declared, string expected) =>
            (DiagnosticDescriptors.CandidateRows, knob, new object[] { declared, expected });
    }
}
