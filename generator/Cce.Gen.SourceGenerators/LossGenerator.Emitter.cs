using System;
using System.Collections.Generic;
using System.Linq;
using Cce.Gen.SourceGenerators.Emitting;
using Cce.Gen.SourceGenerators.Families.Matrix;
using Cce.Gen.SourceGenerators.Families.PerRow;
using Cce.Gen.SourceGenerators.Models;
using Cce.Gen.SourceGenerators.Schemes;
using static Cce.Gen.SourceGenerators.Emitting.InvariantText;

namespace Cce.Gen.SourceGenerators;

public sealed partial class LossGenerator
{
    /// <summary>
    /// Model to C# source text, one small file per unit: the loss's API (the completed partial class) in
    /// <c>{stem}.g.cs</c>, and the kernels of each tile candidate and of the portable layout in
    /// <c>{stem}.Kernels.{tile}.g.cs</c>, each in a file-local class beside the factory of its variant.
    /// </summary>
    internal static class Emitter
    {
        private const string Cce = GlobalNames.Cce;
        private const string Tensor = Cce + "CceTensor";
        private const string KernelsSuffix = "Kernels";

        /// <summary>The steps that write the members of the completed loss class, in order.</summary>
        private static readonly Action<SourceWriter, LossModel>[] LossClassSteps =
        {
            EmitDescription,
            EmitVariants,
            EmitConstructor,
            EmitLossKernelsMembers,
            EmitFactories,
            EmitDeviceEntryPoints,
            EmitHostEntryPoints,
        };

        /// <summary>Every file of <paramref name="model"/>: hint name and text.</summary>
        public static IEnumerable<(string HintName, string Source)> Files(LossModel model)
        {
            yield return (ApiHintName(model), EmitApiFile(model));
            if (IsMatrix(model))
            {
                string stem = model.KernelsTypeName.Substring(0, model.KernelsTypeName.Length - KernelsSuffix.Length);
                foreach ((string suffix, string source) in MatrixFamilyEmitter.Files(model, stem))
                {
                    yield return (Stem(model) + "." + KernelsSuffix + "." + suffix + ".g.cs", source);
                }

                yield break;
            }

            foreach (RowLayout layout in Layouts(model))
            {
                yield return (KernelsHintName(model, layout), EmitKernelsFile(model, layout));
            }
        }

        /// <summary>
        /// The name every file of a loss starts with: its namespace and the kernels class's name without "Kernels",
        /// unique per class even when nested (<c>Outer_Loss</c>, or a hash where the plain join could meet another).
        /// </summary>
        public static string Stem(LossModel model)
        {
            string name = model.KernelsTypeName.Substring(0, model.KernelsTypeName.Length - KernelsSuffix.Length);
            return model.Namespace is null ? name : model.Namespace + "." + name;
        }

        /// <summary>The file of the loss's API.</summary>
        public static string ApiHintName(LossModel model) => Stem(model) + ".g.cs";

        /// <summary>The file of one layout's kernels, e.g. <c>Shop.CatalogLoss.Kernels.w4r8f2.g.cs</c>.</summary>
        public static string KernelsHintName(LossModel model, RowLayout layout) =>
            Stem(model) + "." + KernelsSuffix + "." + layout.Suffix + ".g.cs";

        /// <summary>
        /// The layouts of a loss, each with its own kernels: the tile candidates in order, then the portable layout.
        /// Candidates that differ only in launch bounds or chunk rows share the kernels of the first of them: the bounds
        /// apply when the kernels are loaded, the chunks when the runtime plans a call.
        /// </summary>
        private static IEnumerable<RowLayout> Layouts(LossModel model)
        {
            foreach (TileModel tile in model.Tiles)
            {
                if (CodeOwner(model, tile) == tile)
                {
                    yield return CodeLayout(model, tile);
                }
            }

            yield return Portable(model);
        }

        /// <summary>What a candidate's kernel code depends on: everything but its launch bounds and chunk rows.</summary>
        private static TileModel CodeKey(TileModel tile) => tile with { MinGroupsPerMultiprocessor = 0, ChunkRows = 0 };

        /// <summary>The first candidate with the same code as <paramref name="tile"/>: its kernels serve both.</summary>
        private static TileModel CodeOwner(LossModel model, TileModel tile) => model.Tiles.First(t => CodeKey(t) == CodeKey(tile));

        /// <summary>The layout whose kernels <paramref name="tile"/> loads, named after the first candidate with its code.</summary>
        private static RowLayout CodeLayout(LossModel model, TileModel tile) =>
            new WarpLayout(model.Settings, CodeOwner(model, tile) with { MinGroupsPerMultiprocessor = 0 });

        private static string EmitApiFile(LossModel model)
        {
            var w = new SourceWriter();
            w.FileStart(model.Namespace, GlobalNames.CceAlias, GlobalNames.SystemAlias, GlobalNames.CompilerAlias, GlobalNames.ImmutableAlias);
            foreach (ContainingTypeModel outer in model.ContainingTypes)
            {
                w.Open($"partial {outer.Keyword} {outer.Name}");
            }

            LossSettings s = model.Settings;
            string element = ElementCode.ElementTypeName(s.Element);
            string gradient = ElementCode.GradientTypeName(s);
            w.Open($"partial class {model.ClassName} : {Cce}CatalogLoss<{element}, {gradient}>, {Cce}ILossKernels<{model.ClassName}>");
            for (int i = 0; i < LossClassSteps.Length; i++)
            {
                if (i > 0)
                {
                    w.Line();
                }

                LossClassSteps[i](w, model);
            }

            w.Close();
            foreach (ContainingTypeModel _ in model.ContainingTypes)
            {
                w.Close();
            }

            return w.ToString();
        }

        private static void EmitDescription(SourceWriter w, LossModel model)
        {
            LossSettings s = model.Settings;
            w.GeneratedCode();
            w.Line($"private static readonly {Cce}LossDescription CceDescription = new {Cce}LossDescription(");
            w.Line(Invariant($"    {Cce}NegativeScheme.{s.Scheme}, {s.Negatives}, {s.HiddenSize}, {Cce}ElementType.{s.Element},"));
            w.Line(Invariant($"    {Cce}LogQCorrection.{s.Correction}, {Cce}LossReduction.{s.Reduction}, {s.IgnoreIndex}, {Cce}GradientPrecision.{s.HiddenGradient}, DeterministicGradients: {(s.DeterministicGradients ? "true" : "false")}{(s.GradientFilter > 0f ? Invariant($", GradientFilter: {s.GradientFilter:R}f") : string.Empty)}{(s.AllowTensorFloat32 ? ", AllowTensorFloat32: true" : string.Empty)}{(s.GroupRows > 0 ? Invariant($", GroupRows: {s.GroupRows}") : string.Empty)});"));
        }

        /// <summary>Whether the loss's scheme runs on the matrix family (otherwise the per-row family).</summary>
        private static bool IsMatrix(LossModel model) => SchemeRegistry.Of(model.Settings.Scheme).Family == KernelFamily.Matrix;

        private static void EmitVariants(SourceWriter w, LossModel model)
        {
            if (IsMatrix(model))
            {
                MatrixFamilyEmitter.EmitVariants(w, model);
                return;
            }

            LossSettings s = model.Settings;
            w.GeneratedCode();
            w.Line($"private static readonly {GlobalNames.Immutable}ImmutableArray<{Cce}KernelVariant> CceVariants = {GlobalNames.Immutable}ImmutableArray.Create<{Cce}KernelVariant>(");
            for (int i = 0; i < model.Tiles.Length; i++)
            {
                w.Line($"    {VariantFactory(new WarpLayout(s, model.Tiles[i]))}(){(i + 1 < model.Tiles.Length ? "," : ");")}");
            }

            w.Line();
            w.GeneratedCode();
            w.Line($"private static readonly {Cce}KernelVariant CcePortableVariant = {VariantFactory(Portable(model))}();");
        }

        /// <summary>The portable layout of a loss: it runs the pipeline of the first candidate, the one a loss runs before any tuning.</summary>
        private static PortableLayout Portable(LossModel model) =>
            new(model.Settings, model.Tiles.Length > 0 ? model.Tiles[0].Pipeline : PerRowPipeline.Fused);

        private static void EmitConstructor(SourceWriter w, LossModel model)
        {
            w.GeneratedCode();
            w.Line($"private {model.ClassName}({Cce}CceDevice device, {Cce}KernelPlan plan)");
            w.Line("    : base(device, CceDescription, plan)");
            w.Line("{");
            w.Line("}");
        }

        private static void EmitLossKernelsMembers(SourceWriter w, LossModel model)
        {
            string self = model.ClassName;
            string contract = $"{Cce}ILossKernels<{self}>";
            string[] members =
            {
                $"static {Cce}LossDescription {contract}.Description => CceDescription;",
                $"static {GlobalNames.Immutable}ImmutableArray<{Cce}KernelVariant> {contract}.Variants => CceVariants;",
                $"static int {contract}.DefaultVariant => 0;",
                $"static {Cce}KernelVariant {contract}.PortableVariant => CcePortableVariant;",
                $"static {self} {contract}.Create({Cce}CceDevice device, {Cce}KernelPlan plan) => new {self}(device, plan);",
            };
            for (int i = 0; i < members.Length; i++)
            {
                if (i > 0)
                {
                    w.Line();
                }

                w.GeneratedCode();
                w.Line(members[i]);
            }
        }

        private static void EmitFactories(SourceWriter w, LossModel model)
        {
            string self = model.ClassName;
            w.Line($"/// <summary>Compiles this loss for <paramref name=\"device\"/> with the tile configuration chosen for it.</summary>");
            w.GeneratedCode();
            w.Line($"public static {self} Create({Cce}CceDevice device) => new {self}(device, {Cce}LossFactory.Plan<{self}>(device));");
            w.Line();
            w.Line($"/// <summary>Compiles this loss for <paramref name=\"device\"/> with one of its declared tile configurations.</summary>");
            w.GeneratedCode();
            w.Line($"public static {self} Create({Cce}CceDevice device, {Cce}KernelTile tile) => new {self}(device, {Cce}LossFactory.Fixed<{self}>(tile));");
        }

        private static void EmitDeviceEntryPoints(SourceWriter w, LossModel model)
        {
            LossSettings s = model.Settings;
            SchemeEmitter scheme = SchemeRegistry.Of(s);
            string element = ElementCode.ElementTypeName(s.Element);
            string gradient = ElementCode.GradientTypeName(s);
            string inputs = string.Join(", ", new[] { $"{Tensor}<{element}> hidden", $"{Tensor}<{element}> items", $"{Tensor}<int> targets" }
                .Concat(scheme.Parameters.Select(p => p.DeviceType + " " + p.Name)));
            string source = scheme.NegativeSource;
            (string Name, string Text)[] head = Head(scheme);

            Doc(w, "Loss and per-row log-sum-exp; the result is readable until this object's next Forward or ForwardBackward.", head);
            Exceptions(w, gradients: false);
            w.GeneratedCode();
            w.Line($"public {Cce}LossResult Forward({inputs}) => Forward(hidden, items, targets, {source});");
            w.Line();
            string update = $"{Cce}GradientUpdate update = {Cce}GradientUpdate.Overwrite";
            Doc(w, "Gradients from the log-sum-exp a forward pass returned, scaled by a scalar upstream gradient; dH and dW are overwritten, or added to with GradientUpdate.Accumulate.", head.Concat(Documented("lse", "gradHidden", "gradItems", "upstream", "update")));
            Exceptions(w, gradients: true);
            w.GeneratedCode();
            w.Line($"public void Backward({inputs}, {Tensor}<float> lse, {Tensor}<{gradient}> gradHidden, {Tensor}<float> gradItems, float upstream = 1f, {update}) =>");
            w.Line($"    Backward(hidden, items, targets, {source}, lse, gradHidden, gradItems, upstream, null, update);");
            w.Line();
            Doc(w, "Gradients from a saved log-sum-exp, scaled by a per-row upstream gradient (Reduction = None); dH and dW are overwritten, or added to with GradientUpdate.Accumulate.", head.Concat(Documented("lse", "gradHidden", "gradItems", "upstreamPerRow", "update")));
            Exceptions(w, gradients: true);
            w.GeneratedCode();
            w.Line($"public void Backward({inputs}, {Tensor}<float> lse, {Tensor}<{gradient}> gradHidden, {Tensor}<float> gradItems, {Tensor}<float> upstreamPerRow, {update}) =>");
            w.Line($"    Backward(hidden, items, targets, {source}, lse, gradHidden, gradItems, 1f, upstreamPerRow, update);");
            w.Line();
            Doc(w, "Loss, log-sum-exp and gradients in one pass, the gradients scaled by <paramref name=\"upstream\"/>; dH and dW are overwritten, or added to with GradientUpdate.Accumulate.", head.Concat(Documented("gradHidden", "gradItems", "upstream", "update")));
            Exceptions(w, gradients: true);
            w.GeneratedCode();
            w.Line($"public {Cce}LossResult ForwardBackward({inputs}, {Tensor}<{gradient}> gradHidden, {Tensor}<float> gradItems, float upstream = 1f, {update}) =>");
            w.Line($"    ForwardBackward(hidden, items, targets, {source}, gradHidden, gradItems, upstream, update);");
        }

        private static void EmitHostEntryPoints(SourceWriter w, LossModel model)
        {
            LossSettings s = model.Settings;
            SchemeEmitter scheme = SchemeRegistry.Of(s);
            string element = ElementCode.ElementTypeName(s.Element);
            string gradient = ElementCode.GradientTypeName(s);
            string hostInputs = string.Join(", ", new[] { $"{element}[] hidden", $"{element}[] items", "int[] targets" }
                .Concat(scheme.Parameters.Select(p => p.HostType + " " + p.Name)));
            string hostSource = scheme.HostCoreArguments;
            (string Name, string Text)[] head = Head(scheme);

            Doc(w, "Host-array forward pass: uploads the inputs, runs, copies the results back.", head);
            w.GeneratedCode();
            w.Open($"public {Cce}HostLossResult<{gradient}> Forward({hostInputs})");
            NullChecks(w, scheme);
            w.Line($"return ForwardHostCore(hidden, items, targets, {hostSource});");
            w.Close();
            w.Line();
            Doc(w, "Host-array fused pass: uploads the inputs, runs, copies the loss and gradients back.", head.Concat(Documented("upstream")));
            w.GeneratedCode();
            w.Open($"public {Cce}HostLossResult<{gradient}> ForwardBackward({hostInputs}, float upstream = 1f)");
            NullChecks(w, scheme);
            w.Line($"return ForwardBackwardHostCore(hidden, items, targets, {hostSource}, upstream);");
            w.Close();
        }

        /// <summary>The documentation of the parameters every entry point starts with: the inputs, then the scheme's.</summary>
        private static (string Name, string Text)[] Head(SchemeEmitter scheme) =>
            Documented("hidden", "items", "targets").Concat(scheme.Parameters.Select(p => (p.Name, p.Doc))).ToArray();

        /// <summary>
        /// One layout's kernels in a file-local class, and the factory of their variant in a part of the loss class: the
        /// kernels are named from nowhere else, so nothing outside the file can call them by mistake. ILGPU compiles
        /// and launches kernels of a file-local class on the CPU accelerator and on CUDA alike (checked on an H200);
        /// only the types of the kernel's signature must be public.
        /// </summary>
        private static string EmitKernelsFile(LossModel model, RowLayout layout)
        {
            var w = new SourceWriter();
            NamespaceAlias[] aliases = { GlobalNames.CceAlias, GlobalNames.CompilerAlias, GlobalNames.KernelsAlias, GlobalNames.PerRowAlias, GlobalNames.IlgpuAlias, GlobalNames.SystemAlias };
            w.FileStart(model.Namespace, aliases);
            foreach (ContainingTypeModel outer in model.ContainingTypes)
            {
                w.Open($"partial {outer.Keyword} {outer.Name}");
            }

            string kernels = KernelsClassName(model, layout);
            PerRowPipelineEmitter pipeline = PerRowPipelineEmitter.For(layout.Tile.Pipeline);
            w.Open($"partial class {model.ClassName}");
            IEnumerable<RowLayout> variants = layout is PortableLayout
                ? new[] { layout }
                : model.Tiles.Where(t => CodeKey(t) == CodeKey(layout.Tile)).Select(t => (RowLayout)new WarpLayout(model.Settings, t));
            bool first = true;
            foreach (RowLayout variant in variants)
            {
                if (!first)
                {
                    w.Line();
                }

                first = false;
                string name = layout is PortableLayout ? "portable" : VariantName(variant);
                string shared = variant.Tile == layout.Tile ? string.Empty : " (" + layout.Suffix + "'s code, loaded and planned as " + name + ")";
                w.Line($"/// <summary>The {name} kernels of this loss, as one of its variants{shared}.</summary>");
                w.GeneratedCode();
                pipeline.EmitVariantFactory(w, VariantFactory(variant), variant, layout, kernels);
            }

            w.Close();
            foreach (ContainingTypeModel _ in model.ContainingTypes)
            {
                w.Close();
            }

            w.Line();
            w.Line($"/// <summary>The {(layout is PortableLayout ? "portable" : layout.Suffix)} kernels of <c>{model.ClassName}</c>: {layout.Shape}</summary>");
            w.GeneratedCode();
            w.Open($"file static class {kernels}");
            pipeline.EmitKernels(w, model.Settings, layout, (PerRowSchemeEmitter)SchemeRegistry.Of(model.Settings.Scheme));
            w.Close();
            return w.ToString();
        }

        /// <summary>The file-local class of one layout's kernels, e.g. <c>CatalogLoss_w4r8f2_Kernels</c>.</summary>
        private static string KernelsClassName(LossModel model, RowLayout layout) =>
            model.KernelsTypeName.Substring(0, model.KernelsTypeName.Length - KernelsSuffix.Length) + "_" + layout.Suffix + "_" + KernelsSuffix;

        /// <summary>The loss's private factory of one layout's variant, e.g. <c>CceVariant_w4r8f2</c> or, with launch bounds, <c>CceVariant_w4r8f2g4</c>.</summary>
        private static string VariantFactory(RowLayout layout) => "CceVariant_" + VariantName(layout);

        /// <summary>A variant's name: its layout's suffix, with its launch bounds when it has any.</summary>
        private static string VariantName(RowLayout layout) =>
            layout.Suffix + (layout.Tile.MinGroupsPerMultiprocessor > 0 ? Invariant($"g{layout.Tile.MinGroupsPerMultiprocessor}") : string.Empty);

        private static void Doc(SourceWriter w, string summary, IEnumerable<(string Name, string Text)> parameters)
        {
            w.Line($"/// <summary>{summary}</summary>");
            foreach ((string name, string text) in parameters)
            {
                w.Line($"/// <param name=\"{name}\">{text}</param>");
            }
        }

        /// <summary>The failures every device entry point documents: those of the runtime's method it forwards to.</summary>
        private static void Exceptions(SourceWriter w, bool gradients)
        {
            w.Line("/// <exception cref=\"System::ArgumentNullException\">A tensor is null; nothing runs.</exception>");
            w.Line(gradients
                ? "/// <exception cref=\"System::ArgumentException\">A shape, device or value does not fit, an output overlaps an input or the other output, or a saved log-sum-exp was overwritten by a later call; nothing is written.</exception>"
                : "/// <exception cref=\"System::ArgumentException\">A shape, device or value does not fit; nothing is written.</exception>");
            w.Line("/// <exception cref=\"System::ArgumentOutOfRangeException\">A target or negative lies outside [0, V), or an upstream gradient is not finite (indices are checked on the device).</exception>");
            w.Line("/// <exception cref=\"System::ObjectDisposedException\">This loss object, a tensor or the device was disposed.</exception>");
            w.Line("/// <exception cref=\"System::InvalidOperationException\">Another thread is inside a call of this loss object.</exception>");
        }

        /// <summary>The documentation of parameters every scheme's entry points share.</summary>
        private static IEnumerable<(string Name, string Text)> Documented(params string[] names) =>
            names.Select(name => (name, ParameterDocs[name]));

        private static readonly Dictionary<string, string> ParameterDocs = new()
        {
            ["hidden"] = "Hidden states, [N, D].",
            ["items"] = "Item table, [V, D].",
            ["targets"] = "Positive item of each row, N elements; the ignore index skips a row.",
            ["lse"] = "Per-row log-sum-exp returned by the forward pass.",
            ["gradHidden"] = "Receives dH, [N, D].",
            ["gradItems"] = "Receives dW, [V, D] in fp32.",
            ["upstream"] = "Gradient of the objective with respect to the reduced loss.",
            ["upstreamPerRow"] = "Gradient of the objective with respect to each row's loss, N elements.",
            ["update"] = "Whether dH and dW receive the gradients (Overwrite) or add them to what they hold (Accumulate).",
        };

        private static void NullChecks(SourceWriter w, SchemeEmitter scheme)
        {
            IEnumerable<string> schemeArrays = scheme.Parameters.Where(p => p.NullChecked).Select(p => p.Name);
            foreach (string name in new[] { "hidden", "items", "targets" }.Concat(schemeArrays))
            {
                w.Line($"{GlobalNames.System}ArgumentNullException.ThrowIfNull({name});");
            }
        }
    }
}
