using System;
using System.Linq;

namespace Cce.Gen.SourceGenerators.Schemes;

/// <summary>
/// The schemes this version generates kernels for, and the one list to extend when another becomes available:
/// the parser accepts exactly these and the emitter asks them for every scheme-specific piece of code.
/// </summary>
internal static class SchemeRegistry
{
    private static readonly SchemeEmitter[] Available = { new UniformPerRow(), new Explicit(), new Popularity(), new FullCatalog(), new SharedUniform(), new InBatch() };

    /// <summary>The scheme of a loss whose attribute names none: the attribute's own default.</summary>
    public static NegativeScheme AttributeDefault => NegativeScheme.UniformPerRow;

    /// <summary>The available schemes as diagnostic CCE0007 lists them, e.g. "UniformPerRow or Explicit".</summary>
    public static string AvailableNames
    {
        get
        {
            string[] names = Available.Select(s => s.Scheme.ToString()).ToArray();
            return names.Length == 1
                ? names[0]
                : string.Join(", ", names, 0, names.Length - 1) + " or " + names[names.Length - 1];
        }
    }

    /// <summary>The emitter of <paramref name="scheme"/>, or null when this version does not generate it.</summary>
    public static SchemeEmitter? For(NegativeScheme scheme) => Array.Find(Available, s => s.Scheme == scheme);

    /// <summary>The emitter of the scheme of a loss the parser accepted, specialised on its <paramref name="settings"/> where the scheme's API depends on them.</summary>
    public static SchemeEmitter Of(Models.LossSettings settings) =>
        Of(settings.Scheme) is MatrixSchemeEmitter matrix ? matrix.For(settings) : Of(settings.Scheme);

    /// <summary>The emitter of a scheme the parser accepted; any other never reaches the emitter (CCE0007 is an error).</summary>
    public static SchemeEmitter Of(NegativeScheme scheme) =>
        For(scheme) ?? throw new InvalidOperationException("The negative scheme " + scheme + " has no emitter.");
}
