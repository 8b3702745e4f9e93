using System.Text.Json.Serialization;

namespace Cce.Tuning.Cache;

/// <summary>
/// An entry as stored on disk: the entry's fields, the schema version first so other layouts are
/// recognised before anything else is read, and a checksum over everything before it.
/// </summary>
/// <param name="SchemaVersion">Layout version of this document.</param>
/// <param name="Environment">See <see cref="TuningEntry.Environment"/>.</param>
/// <param name="Key">See <see cref="TuningEntry.Key"/>.</param>
/// <param name="Results">See <see cref="TuningEntry.Results"/>.</param>
/// <param name="Pick">See <see cref="TuningEntry.Pick"/>.</param>
/// <param name="PickIsDefault">See <see cref="TuningEntry.PickIsDefault"/>.</param>
/// <param name="CreatedUtc">See <see cref="TuningEntry.CreatedUtc"/>.</param>
/// <param name="Checksum">Hex SHA-256 of the compact document without this field; null only while computing it.</param>
internal sealed record TuningEntryDocument(
    int SchemaVersion,
    TuningEnvironment Environment,
    TuningKey Key,
    IReadOnlyList<CandidateResult> Results,
    KernelTile Pick,
    bool PickIsDefault,
    DateTime CreatedUtc,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Checksum)
{
    /// <summary>The unsigned document of <paramref name="entry"/>.</summary>
    public static TuningEntryDocument Of(TuningEntry entry) => new(
        CacheFormat.SchemaVersion,
        entry.Environment,
        entry.Key,
        entry.Results,
        entry.Pick,
        entry.PickIsDefault,
        entry.CreatedUtc.Kind == DateTimeKind.Local ? entry.CreatedUtc.ToUniversalTime() : DateTime.SpecifyKind(entry.CreatedUtc, DateTimeKind.Utc),
        null);

    /// <summary>The entry this document holds.</summary>
    public TuningEntry ToEntry() => new(Environment, Key, Results, Pick, PickIsDefault, CreatedUtc);
}
