using System.Text.RegularExpressions;

namespace Orleans.Sentiment.Hub;

/// <summary>
/// huggingface_hub's cache layout for one repository:
/// <c>models--org--name/{blobs/&lt;etag&gt;, refs/&lt;revision&gt;, snapshots/&lt;commit&gt;/&lt;path&gt;}</c>, snapshot files
/// being relative symlinks to blobs, plus lock files under <c>.locks/models--org--name/&lt;etag&gt;.lock</c>.
/// </summary>
public sealed partial class HubCacheLayout(string cacheDirectory, HubRepoId repoId)
{
    public string RepoFolder { get; } = Path.Combine(cacheDirectory, repoId.CacheFolderName);

    public string BlobPath(string etag) => Path.Combine(RepoFolder, "blobs", SafeEtag(etag));

    public string IncompletePath(string etag) => BlobPath(etag) + ".incomplete";

    public string LockPath(string etag) => Path.Combine(cacheDirectory, ".locks", repoId.CacheFolderName, SafeEtag(etag) + ".lock");

    /// <summary>The snapshot folder of a commit; anything but a 40-hex-digit commit hash is refused, never made a path.</summary>
    public string SnapshotFolder(string commitHash) => IsCommitHash(commitHash)
        ? Path.Combine(RepoFolder, "snapshots", commitHash)
        : throw new HubException(HubErrorKind.Unusable, $"'{commitHash}' is not a commit hash (40 hex digits); refusing to use it as a cache folder name.");

    public string PointerPath(string commitHash, string repoPath)
    {
        var parts = repoPath.Split('/');
        if (parts.Any(p => p is "" or "." or ".." || p.Contains('\\')))
        {
            throw new HubException(HubErrorKind.Unusable, $"File name '{repoPath}' from the hub would leave the snapshot folder.");
        }

        return Path.Combine(SnapshotFolder(commitHash), Path.Combine(parts));
    }

    /// <summary>A revision that is already a full commit hash needs no ref.</summary>
    public static bool IsCommitHash(string revision) => CommitHashPattern().IsMatch(revision);

    /// <summary>The commit a branch or tag pointed to when last pulled, or the revision itself when it is a commit hash.</summary>
    public string? ReadCommit(string revision)
    {
        if (IsCommitHash(revision))
        {
            return revision;
        }

        // A ref file holding anything but a commit hash (edited, truncated, planted) is as good as none.
        var refPath = RefPath(revision);
        return File.Exists(refPath) && File.ReadAllText(refPath).Trim() is var commit && IsCommitHash(commit) ? commit : null;
    }

    /// <summary>Records which commit a branch or tag resolved to (no trailing newline, as huggingface_hub writes it).</summary>
    public void WriteRef(string revision, string commitHash)
    {
        if (revision == commitHash)
        {
            return;
        }

        var refPath = RefPath(revision);
        if (File.Exists(refPath) && File.ReadAllText(refPath) == commitHash)
        {
            return;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(refPath)!);
        var temporary = refPath + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temporary, commitHash);
        File.Move(temporary, refPath, overwrite: true);
    }

    /// <summary>Points a snapshot file at its blob with a relative symlink; copies where symlinks are refused.</summary>
    public void LinkPointer(string blobPath, string pointerPath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(pointerPath)!);
        if (File.Exists(pointerPath) || new FileInfo(pointerPath).LinkTarget is not null)
        {
            File.Delete(pointerPath);
        }

        var relative = Path.GetRelativePath(Path.GetDirectoryName(pointerPath)!, blobPath);
        try
        {
            File.CreateSymbolicLink(pointerPath, relative);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Same fallback as huggingface_hub on file systems without symlinks: a full copy.
            File.Copy(blobPath, pointerPath, overwrite: true);
        }
    }

    private static string SafeEtag(string etag) => HubFileMetadata.IsSafeEtag(etag)
        ? etag
        : throw new HubException(HubErrorKind.Unusable, $"Etag '{etag}' is not usable as a file name in the cache.");

    // Refs may be nested (refs/pr/1); keep them inside the refs folder.
    private string RefPath(string revision)
    {
        var parts = revision.Split('/');
        if (parts.Any(p => p is "" or "." or ".." || p.Contains('\\') || p.Any(char.IsControl)))
        {
            throw new ArgumentException($"Revision '{revision}' is not a valid branch, tag or commit.", nameof(revision));
        }

        return Path.Combine(RepoFolder, "refs", Path.Combine(parts));
    }

    [GeneratedRegex(@"\A[0-9a-f]{40}\z")]
    private static partial Regex CommitHashPattern();
}
