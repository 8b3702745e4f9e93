using System.Text.Json;

namespace Cce.Tuning.Cache;

/// <summary>
/// An export: entry documents exactly as stored, checksums included, so an import can verify each one
/// and a bundle moved between machines cannot carry a damaged entry in.
/// </summary>
/// <param name="SchemaVersion">Layout version of the bundle.</param>
/// <param name="ExportedUtc">When the bundle was written.</param>
/// <param name="Entries">The entry documents.</param>
internal sealed record CacheBundle(int SchemaVersion, DateTime ExportedUtc, IReadOnlyList<JsonElement> Entries);
