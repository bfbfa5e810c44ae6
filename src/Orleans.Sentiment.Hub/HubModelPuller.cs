namespace Orleans.Sentiment.Hub;

/// <summary>
/// Pulls a revision of a model repository into the Hugging Face cache the way huggingface_hub's
/// <c>snapshot_download</c> does: resolve the revision to a commit, fetch each selected file of that commit
/// into <c>blobs/</c>, link it from <c>snapshots/&lt;commit&gt;/</c>, then record <c>refs/&lt;revision&gt;</c>.
/// </summary>
public sealed class HubModelPuller(HubSettings settings, HubApiClient client)
{
    public const string DefaultRevision = "main";

    private readonly BlobDownloader _downloader = new(client);

    public HubSettings Settings => settings;

    public async Task<HubSnapshot> PullAsync(
        HubRepoId repo, string? revision, HubFileSelection selection, IHubPullProgress? progress = null, CancellationToken cancellationToken = default)
    {
        revision = string.IsNullOrWhiteSpace(revision) ? DefaultRevision : revision.Trim();
        progress ??= NoHubPullProgress.Instance;
        var layout = new HubCacheLayout(settings.CacheDirectory, repo);
        if (settings.Offline)
        {
            return FromCache(repo, revision, selection, layout, "HF_HUB_OFFLINE is set");
        }

        HubRepoInfo info;
        try
        {
            info = await client.GetRepoInfoAsync(repo, revision, cancellationToken).ConfigureAwait(false);
        }
        catch (HubException ex) when (ex.Kind == HubErrorKind.Network && TryFromCache(repo, revision, selection, layout) is { } cached)
        {
            // Like huggingface_hub: when the hub is unreachable, a snapshot already pulled for this revision still serves.
            return cached;
        }

        var files = selection.Select(repo, info.Files);
        foreach (var repoPath in files)
        {
            await PullFileAsync(repo, info.CommitHash, repoPath, layout, progress, cancellationToken).ConfigureAwait(false);
        }

        layout.WriteRef(revision, info.CommitHash);
        return new HubSnapshot(repo, revision, info.CommitHash, layout.SnapshotFolder(info.CommitHash), files, FromCache: false);
    }

    private async Task PullFileAsync(HubRepoId repo, string commit, string repoPath, HubCacheLayout layout, IHubPullProgress progress, CancellationToken cancellationToken)
    {
        var pointer = layout.PointerPath(commit, repoPath);
        if (IsUsable(pointer))
        {
            progress.FileCompleted(repoPath, downloaded: false);
            return;
        }

        // Ask for the commit, not the branch, so every file comes from the same commit.
        var metadata = await client.GetFileMetadataAsync(repo, commit, repoPath, cancellationToken).ConfigureAwait(false);
        var blob = layout.BlobPath(metadata.Etag);
        var downloaded = false;
        using (await CacheFileLock.AcquireAsync(layout.LockPath(metadata.Etag), cancellationToken).ConfigureAwait(false))
        {
            if (!File.Exists(blob))
            {
                await _downloader.DownloadAsync(repoPath, metadata, layout.IncompletePath(metadata.Etag), blob, progress, cancellationToken).ConfigureAwait(false);
                downloaded = true;
            }

            if (!IsUsable(pointer))
            {
                layout.LinkPointer(blob, pointer);
            }
        }

        progress.FileCompleted(repoPath, downloaded);
    }

    // A snapshot symlink whose blob was deleted (say, by `huggingface-cli delete-cache`) does not count.
    private static bool IsUsable(string pointer)
    {
        var info = new FileInfo(pointer);
        return info.LinkTarget is null ? info.Exists : info.ResolveLinkTarget(returnFinalTarget: true)?.Exists == true;
    }

    private static HubSnapshot FromCache(HubRepoId repo, string revision, HubFileSelection selection, HubCacheLayout layout, string why) =>
        TryFromCache(repo, revision, selection, layout)
        ?? throw new HubException(HubErrorKind.NotCached,
            $"'{repo}' at revision '{revision}' is not in the cache {layout.RepoFolder} and {why}; " +
            "pull it once with network access (`model pull`), or unset HF_HUB_OFFLINE.");

    private static HubSnapshot? TryFromCache(HubRepoId repo, string revision, HubFileSelection selection, HubCacheLayout layout)
    {
        if (layout.ReadCommit(revision) is not { } commit || !Directory.Exists(layout.SnapshotFolder(commit)))
        {
            return null;
        }

        var folder = layout.SnapshotFolder(commit);
        var cached = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(IsUsable)
            .Select(f => Path.GetRelativePath(folder, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal)
            .ToList();
        try
        {
            return new HubSnapshot(repo, revision, commit, folder, selection.Select(repo, cached), FromCache: true);
        }
        catch (HubException)
        {
            // The snapshot lacks what was asked for (say, another variant): not a usable answer.
            return null;
        }
    }
}
