using System.Security.Cryptography;
using System.Text;

namespace Cce.Tuning.Cache;

/// <summary>
/// Hashes for cache keys and checksums. SHA-256 rather than <see cref="string.GetHashCode()"/>, which is
/// randomised per process: every process must derive the same file name from the same key.
/// </summary>
internal static class CacheHash
{
    /// <summary>Hex digits kept in a short hash: 64 bits, enough to keep distinct keys in distinct files.</summary>
    public const int ShortLength = 16;

    /// <summary>Lower-case hex SHA-256 of UTF-8 <paramref name="text"/>.</summary>
    public static string Full(string text) => Full(Encoding.UTF8.GetBytes(text));

    /// <summary>Lower-case hex SHA-256 of <paramref name="bytes"/>.</summary>
    public static string Full(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>The first <see cref="ShortLength"/> hex digits of <see cref="Full(string)"/>.</summary>
    public static string Short(string text) => Full(text)[..ShortLength];
}
