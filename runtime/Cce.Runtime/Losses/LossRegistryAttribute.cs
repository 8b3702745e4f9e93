namespace Cce;

/// <summary>Names an assembly's generated <see cref="ILossRegistry"/>; the generator applies it.</summary>
/// <param name="registry">The registry type: public, with a parameterless constructor.</param>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false)]
public sealed class LossRegistryAttribute(Type registry) : Attribute
{
    /// <summary>The registry type.</summary>
    public Type Registry { get; } = registry;

    /// <summary>The losses of <paramref name="assembly"/>: empty when the generator completed none there.</summary>
    /// <exception cref="InvalidOperationException">The attribute names a type that is not a registry.</exception>
    public static IReadOnlyList<LossEntry> LossesOf(System.Reflection.Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        if (assembly.GetCustomAttributes(typeof(LossRegistryAttribute), inherit: false).FirstOrDefault() is not LossRegistryAttribute attribute)
        {
            return [];
        }

        return Activator.CreateInstance(attribute.Registry) is ILossRegistry registry
            ? registry.Losses
            : throw new InvalidOperationException($"Expected {attribute.Registry} to implement {nameof(ILossRegistry)} with a public parameterless constructor.");
    }
}
