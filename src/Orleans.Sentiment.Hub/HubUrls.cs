namespace Orleans.Sentiment.Hub;

/// <summary>The hub's URL shapes, escaped as huggingface_hub escapes them.</summary>
internal static class HubUrls
{
    public static Uri RepoInfo(Uri endpoint, HubRepoId repo, string revision) =>
        new($"{Base(endpoint)}/api/models/{repo.Value}/revision/{Uri.EscapeDataString(revision)}");

    public static Uri Resolve(Uri endpoint, HubRepoId repo, string revision, string repoPath) =>
        new($"{Base(endpoint)}/{repo.Value}/resolve/{Uri.EscapeDataString(revision)}/{string.Join('/', repoPath.Split('/').Select(Uri.EscapeDataString))}");

    /// <summary>Same host and port: the token may go there (huggingface_hub compares the netloc).</summary>
    public static bool SameAuthority(Uri a, Uri b) =>
        string.Equals(a.Authority, b.Authority, StringComparison.OrdinalIgnoreCase) && a.Scheme == b.Scheme;

    private static string Base(Uri endpoint) => endpoint.AbsoluteUri.TrimEnd('/');
}
