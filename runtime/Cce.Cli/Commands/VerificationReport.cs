using System.Text.Json.Serialization;
using Cce.Verification;

namespace Cce.Cli.Commands;

/// <summary>The JSON form of a <c>cce verify</c> run.</summary>
internal sealed record VerificationReport(string Device, int Seed, IReadOnlyList<VerificationResult> Results, int Failed);

/// <summary>Source-generated serialisation of <see cref="VerificationReport"/> (no reflection at run time).</summary>
[JsonSourceGenerationOptions(WriteIndented = true, NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals, UseStringEnumConverter = true)]
[JsonSerializable(typeof(VerificationReport))]
internal sealed partial class VerifyJsonContext : JsonSerializerContext;
