using System.Collections.Frozen;
using System.Security.Cryptography;

namespace Orleans.Sentiment.Silo.Dashboard;

/// <summary>The built-in dashboard's files, embedded in the silo assembly (resources named <c>Dashboard/{file}</c>).</summary>
internal sealed class DashboardAssets
{
    private const string Prefix = "Dashboard/";

    private static readonly FrozenDictionary<string, string> ContentTypes = new Dictionary<string, string>
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".svg"] = "image/svg+xml",
    }.ToFrozenDictionary();

    private readonly FrozenDictionary<string, Asset> _assets;

    private DashboardAssets(FrozenDictionary<string, Asset> assets) => _assets = assets;

    public sealed record Asset(string Name, byte[] Content, string ContentType, string ETag);

    public IEnumerable<string> Names => _assets.Keys;

    public static DashboardAssets Load()
    {
        var assembly = typeof(DashboardAssets).Assembly;
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            var name = resource[Prefix.Length..];
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var content = buffer.ToArray();
            var type = ContentTypes.GetValueOrDefault(Path.GetExtension(name), "application/octet-stream");
            assets[name] = new Asset(name, content, type, $"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..16]}\"");
        }

        if (!assets.ContainsKey("index.html"))
        {
            throw new InvalidOperationException("The dashboard's index.html is not embedded in the silo assembly.");
        }

        return new DashboardAssets(assets.ToFrozenDictionary(StringComparer.Ordinal));
    }

    public Asset? Find(string name) => _assets.GetValueOrDefault(name);
}
