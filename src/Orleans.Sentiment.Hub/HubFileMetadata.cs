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

    /// <summary>Strips a weak marker and quotes, as huggingface_hub's <c>_normalize_etag</c> does.</summary>
    public static string NormalizeEtag(string etag)
    {
        var value = etag.Trim();
        if (value.StartsWith("W/", StringComparison.Ordinal))
        {
            value = value[2..];
        }

        return value.Trim('"');
    }

    [GeneratedRegex(@"\A[0-9a-f]{64}\z")]
    private static partial Regex Sha256Pattern();
}
