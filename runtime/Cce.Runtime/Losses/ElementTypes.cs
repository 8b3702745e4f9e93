namespace Cce;

/// <summary>Maps the CLR element types of the API to the description's element types.</summary>
internal static class ElementTypes
{
    public static ElementType Of<T>()
        where T : unmanaged
    {
        if (typeof(T) == typeof(float))
        {
            return ElementType.Float32;
        }

        if (typeof(T) == typeof(Half))
        {
            return ElementType.Float16;
        }

        if (typeof(T) == typeof(BFloat16))
        {
            return ElementType.BFloat16;
        }

        throw new NotSupportedException($"Expected float, System.Half or Cce.BFloat16 as element type; got {typeof(T).Name}.");
    }

    public static ElementType Gradient(LossDescription description) =>
        description.HiddenGradient == GradientPrecision.Float32 ? ElementType.Float32 : description.Element;
}
