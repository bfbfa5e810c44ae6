using System.Net;
using System.Security.Cryptography;

namespace Orleans.Sentiment.Hub;

/// <summary>
/// Fetches one blob into <c>&lt;etag&gt;.incomplete</c>, resuming what an earlier run left there with a Range
/// request, then checks the size and (for LFS files) the sha256 before moving it to <c>blobs/&lt;etag&gt;</c>.
/// A blob that fails a check is deleted, never left for a later run to trust.
/// </summary>
internal sealed class BlobDownloader(HubApiClient client)
{
    private const int BufferSize = 1 << 20;
    private const int MaxAttempts = 5;
    private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(60);

    public async Task DownloadAsync(
        string repoPath, HubFileMetadata metadata, string incompletePath, string blobPath, IHubPullProgress progress, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(blobPath)!);
        var have = File.Exists(incompletePath) ? new FileInfo(incompletePath).Length : 0;
        if (have > metadata.Size)
        {
            have = 0;
        }

        progress.FileStarted(repoPath, metadata.Size, have);
        using var download = new Download(repoPath, metadata, progress);
        await using (var file = new FileStream(incompletePath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, BufferSize, useAsync: true))
        {
            file.SetLength(have);
            // Hash as the bytes arrive (one pass over a large file, not two); a resumed prefix is hashed first.
            await download.RestartHashAsync(file, have, cancellationToken).ConfigureAwait(false);
            for (var attempt = 1; have < metadata.Size; attempt++)
            {
                var before = have;
                try
                {
                    have = await FetchAsync(download, file, have, cancellationToken).ConfigureAwait(false);
                }
                catch (HubException ex) when (ex.Kind == HubErrorKind.Network && attempt < MaxAttempts && file.Length > before)
                {
                    // The stream broke after making progress: resume from what arrived, as huggingface_hub does.
                    have = file.Length;
                    continue;
                }

                if (have == before)
                {
                    break;
                }
            }

            if (have != metadata.Size)
            {
                file.Close();
                File.Delete(incompletePath);
                throw new HubException(HubErrorKind.Integrity,
                    $"'{repoPath}' should be {metadata.Size} bytes but {have} arrived; the partial file was removed, pull again.");
            }

            if (metadata.Sha256 is { } expected && download.FinishHash() is var actual && actual != expected)
            {
                file.Close();
                File.Delete(incompletePath);
                throw new HubException(HubErrorKind.Integrity,
                    $"'{repoPath}' has sha256 {actual} but the hub reported {expected}; the download was discarded, pull again.");
            }
        }

        File.Move(incompletePath, blobPath, overwrite: true);
    }

    // Appends from `have` on; returns the new length. A server that ignores Range gets a fresh start.
    private async Task<long> FetchAsync(Download download, FileStream file, long have, CancellationToken cancellationToken)
    {
        var (repoPath, metadata, progress) = (download.RepoPath, download.Metadata, download.Progress);
        using var response = await client.OpenDownloadAsync(metadata.DownloadUrl, have, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
        {
            progress.BytesReceived(repoPath, -have);
            file.SetLength(0);
            await download.RestartHashAsync(file, 0, cancellationToken).ConfigureAwait(false);
            return await FetchAsync(download, file, 0, cancellationToken).ConfigureAwait(false);
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new HubException((int)response.StatusCode is 401 or 403 ? HubErrorKind.Unauthorized : HubErrorKind.Network,
                $"Downloading '{repoPath}' failed with HTTP {(int)response.StatusCode} {response.ReasonPhrase} from {metadata.DownloadUrl.GetLeftPart(UriPartial.Authority)}.");
        }

        var start = response.StatusCode == HttpStatusCode.PartialContent ? response.Content.Headers.ContentRange?.From ?? have : 0;
        if (start != have)
        {
            if (start != 0)
            {
                throw new HubException(HubErrorKind.Network, $"Downloading '{repoPath}': the server resumed at byte {start}, not {have}.");
            }

            progress.BytesReceived(repoPath, -have);
            have = 0;
            file.SetLength(0);
            await download.RestartHashAsync(file, 0, cancellationToken).ConfigureAwait(false);
        }

        file.Position = have;
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var buffer = new byte[BufferSize];
        using var readTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        while (true)
        {
            int read;
            try
            {
                readTimeout.CancelAfter(ReadTimeout);
                read = await body.ReadAsync(buffer, readTimeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or HttpRequestException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
            {
                throw HubErrors.Unreachable(metadata.DownloadUrl, ex);
            }

            if (read == 0)
            {
                return have;
            }

            // Everything is written, even past the expected size, so an oversized answer fails the size check.
            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            download.Hash?.AppendData(buffer, 0, read);
            have += read;
            progress.BytesReceived(repoPath, read);
        }
    }

    /// <summary>One file's download: what it is, who listens, and the sha256 of the bytes on disk so far.</summary>
    private sealed class Download(string repoPath, HubFileMetadata metadata, IHubPullProgress progress) : IDisposable
    {
        public string RepoPath { get; } = repoPath;

        public HubFileMetadata Metadata { get; } = metadata;

        public IHubPullProgress Progress { get; } = progress;

        public IncrementalHash? Hash { get; private set; }

        /// <summary>Starts the hash over the first <paramref name="length"/> bytes already in the file (LFS files only).</summary>
        public async Task RestartHashAsync(FileStream file, long length, CancellationToken cancellationToken)
        {
            Hash?.Dispose();
            Hash = Metadata.Sha256 is null ? null : IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            if (Hash is null || length == 0)
            {
                return;
            }

            var buffer = new byte[BufferSize];
            file.Position = 0;
            for (long done = 0; done < length;)
            {
                var read = await file.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, length - done)), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                Hash.AppendData(buffer, 0, read);
                done += read;
            }
        }

        public string FinishHash() => Convert.ToHexStringLower(Hash!.GetHashAndReset());

        public void Dispose() => Hash?.Dispose();
    }
}
