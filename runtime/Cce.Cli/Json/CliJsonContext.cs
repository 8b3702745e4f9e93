using System.Text.Json.Serialization;
using Cce.Cli.Reports;
using Cce.Tuning.Cache;

namespace Cce.Cli.Json;

/// <summary>
/// Source-generated serialisation of every verb's <c>--json</c> report (no reflection at run time): camelCase
/// properties, enums as their names, tiles as their canonical text.
/// </summary>
[JsonSourceGenerationOptions(
    WriteIndented = true,
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    UseStringEnumConverter = true,
    Converters = [typeof(TileJsonConverter)])]
[JsonSerializable(typeof(InfoReport))]
[JsonSerializable(typeof(VerificationReport))]
[JsonSerializable(typeof(ScaleCheckReport))]
[JsonSerializable(typeof(BenchReport))]
[JsonSerializable(typeof(FilterBenchReport))]
[JsonSerializable(typeof(CacheListReport))]
[JsonSerializable(typeof(CacheExplainReport))]
[JsonSerializable(typeof(CacheChangeReport))]
[JsonSerializable(typeof(TuneReport))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
