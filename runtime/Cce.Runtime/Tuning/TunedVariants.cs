using System.Runtime.CompilerServices;

namespace Cce;

/// <summary>
/// Carries a <see cref="TunedSelection"/> from <see cref="LossFactory.ChooseVariant{TLoss}(CceDevice)"/> to the
/// loss's constructor. The generated <c>Create(device)</c> hands the constructor a single variant; a private copy
/// of the fallback variant, registered here, tells the constructor to select per shape instead, while the
/// variant itself stays a valid fixed choice for any other reader.
/// </summary>
internal static class TunedVariants
{
    private static readonly ConditionalWeakTable<KernelVariant, TunedSelection> Selections = [];

    /// <summary>A new variant standing for <paramref name="selection"/>.</summary>
    public static KernelVariant Register(TunedSelection selection)
    {
        KernelVariant token = selection.Fallback with { };
        Selections.Add(token, selection);
        return token;
    }

    /// <summary>The selection <paramref name="variant"/> stands for, if it was registered.</summary>
    public static TunedSelection? Find(KernelVariant variant) =>
        Selections.TryGetValue(variant, out TunedSelection? selection) ? selection : null;
}
