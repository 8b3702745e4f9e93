using System;
using System.Collections.Generic;
using System.Globalization;
using Cce.Gen.SourceGenerators.Diagnostics;
using Cce.Gen.SourceGenerators.Models;
using Cce.Gen.SourceGenerators.Parsing;
using Cce.Gen.SourceGenerators.Schemes;
using Cce.Families.PerRow;

namespace Cce.Gen.SourceGenerators;

public sealed partial class LossGenerator
{
    internal static partial class Parser
    {
        /// <summary>Reads <c>[CatalogLoss]</c> with the attribute's own defaults and checks CCE0003 to CCE0007 and CCE0012.</summary>
        private static LossSettings ReadSettings(AttributeArguments loss, string className, List<DiagnosticInfo> diagnostics)
        {
            var settings = new LossSettings(
                (NegativeScheme)loss.Int(nameof(LossSettings.Scheme), (int)SchemeRegistry.AttributeDefault),
                loss.Int(nameof(LossSettings.Negatives), 0),
                loss.Int(nameof(LossSettings.HiddenSize), 0),
                (ElementType)loss.Int(nameof(LossSettings.Element), (int)ElementType.Float32),
                (LogQCorrection)loss.Int(nameof(LossSettings.Correction), (int)LogQCorrection.None),
                (LossReduction)loss.Int(nameof(LossSettings.Reduction), (int)LossReduction.Mean),
                loss.Int(nameof(LossSettings.IgnoreIndex), -100),
                (GradientPrecision)loss.Int(nameof(LossSettings.HiddenGradient), (int)GradientPrecision.Input),
                loss.Bool(nameof(LossSettings.DeterministicGradients), false),
                loss.Float(nameof(LossSettings.GradientFilter), 0f),
                loss.Bool(nameof(LossSettings.AllowTensorFloat32), false),
                loss.Int(nameof(LossSettings.GroupRows), 0));

            bool schemeKnown = Enum.IsDefined(typeof(NegativeScheme), settings.Scheme);
            if (!schemeKnown || SchemeRegistry.For(settings.Scheme) is null)
            {
                string reason = schemeKnown ? "is not available yet" : "is not a defined NegativeScheme";
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.UnsupportedScheme,
                    loss.LocationOf(nameof(LossSettings.Scheme)),
                    className,
                    Describe(settings.Scheme),
                    reason,
                    SchemeRegistry.AvailableNames));
            }

            if (SchemeFamilyIsMatrix(settings))
            {
                CheckMatrixSettings(settings, loss, className, diagnostics);
            }

            if (SchemeRegistry.For(settings.Scheme)?.CandidatesWithoutCount is { } without)
            {
                if (loss.Has(nameof(LossSettings.Negatives)))
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.ConflictingSettings,
                        loss.LocationOf(nameof(LossSettings.Negatives)),
                        className,
                        "Negatives = " + settings.Negatives.ToString(CultureInfo.InvariantCulture) + " with Scheme = " + settings.Scheme + ", " + without,
                        "no Negatives"));
                }
            }
            else if (settings.Negatives < 1)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.InvalidNegatives, loss.LocationOf(nameof(LossSettings.Negatives)), className, Declared(loss, nameof(LossSettings.Negatives), settings.Negatives)));
            }

            if (!Enum.IsDefined(typeof(ElementType), settings.Element))
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.UnsupportedElement,
                    loss.LocationOf(nameof(LossSettings.Element)),
                    className,
                    Describe(settings.Element),
                    "is not a defined ElementType",
                    "Float32, Float16 or BFloat16"));
            }
            else
            {
                var geometry = new PerRowGeometry(settings.Element, settings.HiddenSize, settings.Negatives, GradientPrecision.Input, warps: 1);
                if (!geometry.HiddenSizeFitsVectors)
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.InvalidHiddenSize,
                        loss.LocationOf(nameof(LossSettings.HiddenSize)),
                        className,
                        Declared(loss, nameof(LossSettings.HiddenSize), settings.HiddenSize),
                        geometry.VectorWidth,
                        settings.Element));
                }
            }

            CheckCorrection(settings, loss, className, diagnostics);
            CheckConflicts(settings, loss, className, diagnostics);
            return settings;
        }

        private static void CheckCorrection(LossSettings settings, AttributeArguments loss, string className, List<DiagnosticInfo> diagnostics)
        {
            string? reason = null;
            string expected = "None, LogQ or Paper";
            if (!Enum.IsDefined(typeof(LogQCorrection), settings.Correction))
            {
                reason = "is not a defined LogQCorrection";
            }
            else if (SchemeRegistry.For(settings.Scheme)?.CheckCorrection(settings.Correction) is { } rejection)
            {
                reason = rejection.Reason;
                expected = rejection.Expected;
            }

            if (reason is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.UnsupportedCorrection,
                    loss.LocationOf(nameof(LossSettings.Correction)),
                    className,
                    Describe(settings.Correction),
                    reason,
                    expected));
            }
        }

        private static void CheckConflicts(LossSettings settings, AttributeArguments loss, string className, List<DiagnosticInfo> diagnostics)
        {
            if (settings.IgnoreIndex >= 0)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.ConflictingSettings,
                    loss.LocationOf(nameof(LossSettings.IgnoreIndex)),
                    className,
                    "IgnoreIndex = " + settings.IgnoreIndex.ToString(CultureInfo.InvariantCulture) + " would collide with item ids",
                    "a negative IgnoreIndex (default -100)"));
            }

            if (!Enum.IsDefined(typeof(LossReduction), settings.Reduction))
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.ConflictingSettings,
                    loss.LocationOf(nameof(LossSettings.Reduction)),
                    className,
                    "Reduction = " + Describe(settings.Reduction) + " is not a defined LossReduction",
                    "Mean, Sum or None"));
            }

            CheckGradientFilter(settings, loss, className, diagnostics);
            CheckGroupRows(settings, loss, className, diagnostics);
            if (settings.AllowTensorFloat32 && (settings.Element != ElementType.Float32 || settings.Scheme != NegativeScheme.FullCatalog))
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.ConflictingSettings,
                    loss.LocationOf(nameof(LossSettings.AllowTensorFloat32)),
                    className,
                    "AllowTensorFloat32 = true with Element = " + Describe(settings.Element) + " and Scheme = " + Describe(settings.Scheme) + ", which have no fp32 products to round",
                    "AllowTensorFloat32 only on a Float32 loss with Scheme = FullCatalog"));
            }

            if (!Enum.IsDefined(typeof(GradientPrecision), settings.HiddenGradient))
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.ConflictingSettings,
                    loss.LocationOf(nameof(LossSettings.HiddenGradient)),
                    className,
                    "HiddenGradient = " + Describe(settings.HiddenGradient) + " is not a defined GradientPrecision",
                    "Input or Float32"));
            }
        }

        /// <summary>CCE0012 for a filter threshold outside [0, 1) or on a scheme whose kernels do not filter.</summary>
        private static void CheckGradientFilter(LossSettings settings, AttributeArguments loss, string className, List<DiagnosticInfo> diagnostics)
        {
            float threshold = settings.GradientFilter;
            string? problem = !(threshold >= 0f && threshold < 1f)
                ? "GradientFilter = " + threshold.ToString("R", CultureInfo.InvariantCulture) + ", which is no probability threshold"
                : threshold > 0f && settings.Scheme != NegativeScheme.FullCatalog
                    ? "GradientFilter = " + threshold.ToString("R", CultureInfo.InvariantCulture) + " with Scheme = " + settings.Scheme + ", whose kernels keep every term"
                    : null;
            if (problem is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.ConflictingSettings,
                    loss.LocationOf(nameof(LossSettings.GradientFilter)),
                    className,
                    problem,
                    threshold >= 0f && threshold < 1f ? "GradientFilter only with Scheme = FullCatalog" : "a threshold in [0, 1), 0 to keep every term"));
            }
        }

        /// <summary>CCE0012 for a negative group size, or a group size on a scheme whose rows do not share candidates.</summary>
        private static void CheckGroupRows(LossSettings settings, AttributeArguments loss, string className, List<DiagnosticInfo> diagnostics)
        {
            string text = "GroupRows = " + settings.GroupRows.ToString(CultureInfo.InvariantCulture);
            bool shares = SchemeRegistry.For(settings.Scheme)?.SharesCandidates == true;
            string? problem = settings.GroupRows < 0
                ? text + ", which is no row count"
                : settings.GroupRows > 0 && !shares
                    ? text + " with Scheme = " + Describe(settings.Scheme) + ", whose rows do not share their negatives"
                    : null;
            if (problem is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.ConflictingSettings,
                    loss.LocationOf(nameof(LossSettings.GroupRows)),
                    className,
                    problem,
                    settings.GroupRows < 0 ? "GroupRows ≥ 1, or 0 for one group of the whole call" : "GroupRows only with Scheme = SharedUniform or InBatch"));
            }
        }

        /// <summary>What the class says of a required count: the value it declares, or that it leaves the count out.</summary>
        private static string Declared(AttributeArguments loss, string name, int value) =>
            loss.Has(name)
                ? "declares " + name + " = " + value.ToString(CultureInfo.InvariantCulture)
                : "leaves out " + name + ": " + name + " is required";

        /// <summary>An enum value as the user would write it: its name, or a cast when the value is undefined.</summary>
        private static string Describe<TEnum>(TEnum value)
            where TEnum : struct, Enum =>
            Enum.IsDefined(typeof(TEnum), value)
                ? value.ToString()
                : "(" + typeof(TEnum).Name + ")" + Convert.ToInt32(value, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
    }
}
