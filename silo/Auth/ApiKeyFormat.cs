using System.Security.Cryptography;
using System.Text;

namespace Orleans.Sentiment.Silo.Auth;

/// <summary>
/// Tenant API keys: <c>osk_&lt;id&gt;_&lt;secret&gt;</c>, a public 16-hex-digit id (what DELETE names) and 256 random bits,
/// both from a CSPRNG. Only the SHA-256 of the whole key is stored: with 256 random bits a fast hash is as safe
/// as a slow one, and it keeps every authenticated request cheap.
/// </summary>
internal static class ApiKeyFormat
{
    public const string Prefix = "osk_";
    public const int MaxKeyLength = 256;
    private const int IdBytes = 8;
    private const int SecretBytes = 32;

    public static (string Id, string Key) Generate()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(IdBytes));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(SecretBytes));
        return (id, $"{Prefix}{id}_{secret}");
    }

    /// <summary>The id part of a well-formed key, else null.</summary>
    public static string? IdOf(string key)
    {
        const int idLength = IdBytes * 2;
        if (!key.StartsWith(Prefix, StringComparison.Ordinal) || key.Length < Prefix.Length + idLength + 2 || key[Prefix.Length + idLength] != '_')
        {
            return null;
        }

        var id = key.Substring(Prefix.Length, idLength);
        return IsId(id) ? id : null;
    }

    /// <summary>A key id as returned by POST …/keys: 16 lower-case hex digits.</summary>
    public static bool IsId(string id) => id.Length == IdBytes * 2 && id.All(char.IsAsciiHexDigitLower);

    public static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    /// <summary>Compares two hashes in time that does not depend on where they differ.</summary>
    public static bool Matches(byte[] presentedHash, byte[] storedHash) => CryptographicOperations.FixedTimeEquals(presentedHash, storedHash);

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
