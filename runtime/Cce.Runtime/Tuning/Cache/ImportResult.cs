namespace Cce.Tuning.Cache;

/// <summary>What an import did.</summary>
/// <param name="Imported">Entries verified and stored.</param>
/// <param name="Rejected">One line per entry refused, with the reason.</param>
public sealed record ImportResult(int Imported, IReadOnlyList<string> Rejected);
