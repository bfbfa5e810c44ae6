namespace Orleans.Sentiment.Hub;

/// <summary>
/// Where the hub is, who we are and where files go; <see cref="FromEnvironment"/> reads the same variables
/// as huggingface_hub so both share one cache and one login.
/// </summary>
public sealed record HubSettings
{
    public const string DefaultEndpoint = "https://huggingface.co";

    /// <summary>Base URL of the hub (<c>HF_ENDPOINT</c>).</summary>
    public required Uri Endpoint { get; init; }

    /// <summary>Root of the cache that holds <c>models--org--name</c> folders (<c>HF_HUB_CACHE</c>).</summary>
    public required string CacheDirectory { get; init; }

    /// <summary>Bearer token (<c>HF_TOKEN</c>); sent to the endpoint only, never to CDN hosts.</summary>
    public string? Token { get; init; }

    /// <summary>Use the cache only (<c>HF_HUB_OFFLINE=1</c>).</summary>
    public bool Offline { get; init; }

    /// <summary>Settings from environment variables, resolved the way huggingface_hub resolves them.</summary>
    /// <param name="environment">Reads a variable; defaults to the process environment.</param>
    public static HubSettings FromEnvironment(Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        string? Read(string name) => environment(name) is { Length: > 0 } value ? value.Trim() : null;

        var hfHome = Read("HF_HOME") ?? Path.Combine(
            Read("XDG_CACHE_HOME") ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache"),
            "huggingface");
        var cache = Read("HF_HUB_CACHE") ?? Read("HUGGINGFACE_HUB_CACHE") ?? Path.Combine(hfHome, "hub");

        var endpointText = (Read("HF_ENDPOINT") ?? DefaultEndpoint).TrimEnd('/');
        if (!Uri.TryCreate(endpointText, UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"HF_ENDPOINT '{endpointText}' is not an absolute http(s) URL.");
        }

        return new HubSettings
        {
            Endpoint = endpoint,
            CacheDirectory = ExpandHome(cache),
            Token = Read("HF_TOKEN") ?? Read("HUGGING_FACE_HUB_TOKEN") ?? ReadTokenFile(Read("HF_TOKEN_PATH") ?? Path.Combine(hfHome, "token")),
            Offline = IsTrue(Read("HF_HUB_OFFLINE")),
        };
    }

    // huggingface_hub treats 1/ON/YES/TRUE (any case) as set.
    private static bool IsTrue(string? value) =>
        value is not null && new[] { "1", "on", "yes", "true" }.Contains(value, StringComparer.OrdinalIgnoreCase);

    // The file `huggingface-cli login` writes, so a Python login also works here.
    private static string? ReadTokenFile(string path) =>
        File.Exists(path) && File.ReadAllText(path).Trim() is { Length: > 0 } token ? token : null;

    private static string ExpandHome(string path) =>
        path.StartsWith('~')
            ? Environment.GetFolderPath(Environment.SpecialFolder.UserProfile) + path[1..]
            : Path.GetFullPath(path);
}
