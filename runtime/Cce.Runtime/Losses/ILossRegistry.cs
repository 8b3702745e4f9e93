namespace Cce;

/// <summary>The generated losses of one assembly, listed by the generator: how tools find them without scanning types.</summary>
public interface ILossRegistry
{
    /// <summary>Every loss the generator completed in the assembly (except those nested in generic types), by full name.</summary>
    IReadOnlyList<LossEntry> Losses { get; }
}
