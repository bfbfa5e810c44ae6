using System.Security.Cryptography;
using System.Text;

namespace Orleans.Sentiment.Hub.Tests.Fakes;

/// <summary>A file in a fake repository; LFS files are served through the CDN like the hub serves them.</summary>
internal sealed class FakeFile(byte[] content, bool lfs)
{
    public byte[] Content { get; } = content;

    public bool Lfs { get; } = lfs;

    /// <summary>The sha256 the hub claims for an LFS file; set to something else to simulate corruption.</summary>
    public string AdvertisedSha256 { get; set; } = Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>The size the hub claims (X-Linked-Size); set to something else to simulate a truncated or padded blob.</summary>
    public long AdvertisedSize { get; set; } = content.Length;

    /// <summary>When set, the ETag header the hub sends for this regular file instead of its git sha1 (a hostile hub).</summary>
    public string? ServedEtag { get; set; }

    public string Sha256 { get; } = Convert.ToHexStringLower(SHA256.HashData(content));

    /// <summary>The git blob id, which is what the hub sends as the ETag of a regular file.</summary>
    public string GitSha1 { get; } = Convert.ToHexStringLower(SHA1.HashData([.. Encoding.ASCII.GetBytes($"blob {content.Length}\0"), .. content]));

    /// <summary>The name huggingface_hub gives the blob: sha256 for LFS files, git sha1 otherwise.</summary>
    public string Etag => Lfs ? AdvertisedSha256 : GitSha1;

    public static FakeFile Text(string text) => new(Encoding.UTF8.GetBytes(text), lfs: false);

    public static FakeFile Large(int size, int seed)
    {
        var bytes = new byte[size];
        new Random(seed).NextBytes(bytes);
        return new FakeFile(bytes, lfs: true);
    }
}
