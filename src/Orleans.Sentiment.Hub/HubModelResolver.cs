namespace Orleans.Sentiment.Hub;

/// <summary>
/// Turns a model setting into a local model folder: an existing directory is used as is; a hub id
/// (<c>org/name</c>) is pulled into the Hugging Face cache on first use (or found there) and its snapshot
/// folder returned. This is what lets the silo accept either in its model configuration.
/// </summary>
public sealed class HubModelResolver(HubModelPuller puller)
{
    /// <summary>A resolver reading HF_ENDPOINT, HF_TOKEN, HF_HUB_CACHE/HF_HOME and HF_HUB_OFFLINE.</summary>
    public static HubModelResolver FromEnvironment()
    {
        var settings = HubSettings.FromEnvironment();
        return new HubModelResolver(new HubModelPuller(settings, new HubApiClient(settings)));
    }

    /// <summary>True when the value would be pulled from the hub rather than read from disk.</summary>
    public static bool IsHubId(string pathOrHubId) =>
        !Directory.Exists(pathOrHubId) && !LooksLikePath(pathOrHubId) && HubRepoId.TryParse(pathOrHubId, out _);

    /// <param name="pathOrHubId">A model folder, or a hub id such as <c>distilbert/distilbert-base-uncased-finetuned-sst-2-english</c>.</param>
    /// <param name="revision">Branch, tag or commit for hub ids (default <c>main</c>); ignored for folders.</param>
    /// <param name="variants">ONNX variants to fetch for hub ids (default <c>model.onnx</c> only).</param>
    /// <returns>The absolute path of a model folder.</returns>
    public async Task<string> ResolveAsync(
        string pathOrHubId, string? revision = null, IReadOnlyList<string>? variants = null,
        IHubPullProgress? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pathOrHubId);
        if (Directory.Exists(pathOrHubId))
        {
            return Path.GetFullPath(pathOrHubId);
        }

        if (LooksLikePath(pathOrHubId) || !HubRepoId.TryParse(pathOrHubId, out var repo))
        {
            throw new DirectoryNotFoundException(
                $"Model '{pathOrHubId}' is neither an existing folder nor a hub id of the form 'org/name'.");
        }

        var snapshot = await puller.PullAsync(repo, revision, HubFileSelection.ModelFolder(variants ?? []), progress, cancellationToken)
            .ConfigureAwait(false);
        return snapshot.Directory;
    }

    /// <summary>
    /// Rooted, home- or dot-relative, with a backslash or more than one '/', or an <c>org/name</c> whose <c>org</c> is
    /// an existing local folder: meant as a path, so a missing one is an error, never a hub download.
    /// </summary>
    public static bool LooksLikePath(string value) =>
        Path.IsPathRooted(value) || value.StartsWith('.') || value.StartsWith('~') || value.Contains('\\')
        || value.Count(c => c == '/') > 1
        || (value.IndexOf('/', StringComparison.Ordinal) is > 0 and var slash && Directory.Exists(value[..slash]));
}
