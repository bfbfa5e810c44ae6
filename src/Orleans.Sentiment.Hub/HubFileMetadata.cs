using System.Text.RegularExpressions;

namespace Orleans.Sentiment.Hub;

/// <summary>
/// What a HEAD on <c>/resolve/</c> says about one file: the commit it belongs to, its etag (git sha1 for
/// regular files, sha256 for LFS files), its size and where to GET it (a CDN URL for LFS files).
/// </summary>
public sealed partial record HubFileMetadata(string CommitHash, string Etag, long Size, Uri DownloadUrl)
{
    /// <summary>The sha256 of the content when the etag is one (LFS files), else null.</summary>
    public string? Sha256 => Sha256Pattern().IsMatch(Etag) ? Etag : null;

    /// <summary>
    /// Strips a weak marker and quotes, as huggingface_hub's <c>_normalize_etag</c> does, then makes sure the result
    /// can be a file name in the cache: an etag is a name under <c>blobs/</c> and <c>.locks/</c>, and it comes from the
    /// server. Hub etags (40 or 64 hex digits) and other plain tokens pass unchanged; anything else (a path
    /// separator, "..", a leading dot, control characters, over 128 characters) becomes <c>etag-</c> and the hex
    /// SHA-256 of itself (prefixed, so it is never taken for the content's sha256).
    /// </summary>
    public static string NormalizeEtag(string etag)
    {
        var value = etag.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        value = value.Trim('"');
        return SafeEtagPattern().IsMatch(value)
            ? value
            : "etag-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(value)));
    }

    /// <summary>True for an etag that is safe as a single file name.</summary>
    public static bool IsSafeEtag(string etag) => SafeEtagPattern().IsMatch(etag);

    [GeneratedRegex(@"\A[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}\z")]
    private static partial Regex SafeEtagPattern();

    [GeneratedRegex(@"\A[0-9a-f]{64}\z")]
    private static partial Regex Sha256Pattern();
}
