using System.Security.Cryptography;
using System.Text;
using Orleans.Sentiment.HttpApi;

namespace Orleans.Sentiment.Silo.Http.Parsing;

/// <summary>
/// The <c>Idempotency-Key</c> request header of ingestion: 1 to 255 visible ASCII characters. With it, comments
/// sent without an id get one derived from the key (<see cref="Grains.Sources.CommentIds"/>), so a retried request
/// carries the same ids (and the source grain counts each comment once even if the first attempt was partly published).
/// </summary>
internal static class IdempotencyKey
{
    public const string Header = ApiHeaders.IdempotencyKey;
    public const int MaxLength = 255;

    /// <summary>The header's value; null when absent. <paramref name="error"/> is set when it is present but malformed.</summary>
    public static string? Read(HttpRequest request, out string? error)
    {
        error = null;
        if (!request.Headers.TryGetValue(Header, out var values))
        {
            return null;
        }

        var value = values.Count == 1 ? values[0] : null;
        if (value is null || value.Length is 0 or > MaxLength || value.Any(c => c is < '!' or > '~'))
        {
            error = $"must be given once, as 1 to {MaxLength} visible ASCII characters";
            return null;
        }

        return value;
    }

    public static string Hash(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));

    /// <summary>SHA-256 of what a request asks for (source and every comment), for telling a retry from a different request.</summary>
    public static string RequestHash(string source, IReadOnlyList<IncomingComment> comments)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, source);
        foreach (var comment in comments)
        {
            Append(hash, comment.Id);
            Append(hash, comment.Text);
            Append(hash, comment.Timestamp?.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    // Length-prefixed, so ("ab","c") and ("a","bc") hash differently; null differs from "".
    private static void Append(IncrementalHash hash, string? value)
    {
        Span<byte> length = stackalloc byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(length, value is null ? -1 : value.Length);
        hash.AppendData(length);
        if (value is not null)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(value));
        }
    }
}
