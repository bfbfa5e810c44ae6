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
        await using (var file = new FileStream(incompletePath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, BufferSize, useAsync: true))
        {
            file.SetLength(have);
            for (var attempt = 1; have < metadata.Size; attempt++)
            {
                var before = have;
                try
                {
                    have = await FetchAsync(repoPath, metadata, file, have, progress, cancellationToken).ConfigureAwait(false);
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

            if (metadata.Sha256 is { } expected)
            {
                file.Position = 0;
                var actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken).ConfigureAwait(false));
                if (actual != expected)
                {
                    file.Close();
                    File.Delete(incompletePath);
                    throw new HubException(HubErrorKind.Integrity,
                        $"'{repoPath}' has sha256 {actual} but the hub reported {expected}; the download was discarded, pull again.");
                }
            }
        }

        File.Move(incompletePath, blobPath, overwrite: true);
    }

    // Appends from `have` on; returns the new length. A server that ignores Range gets a fresh start.
    private async Task<long> FetchAsync(
        string repoPath, HubFileMetadata metadata, FileStream file, long have, IHubPullProgress progress, CancellationToken cancellationToken)
    {
        using var response = await client.OpenDownloadAsync(metadata.DownloadUrl, have, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
        {
            file.SetLength(0);
            return await FetchAsync(repoPath, metadata, file, 0, progress, cancellationToken).ConfigureAwait(false);
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
        }

        file.SetLength(have);
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
                await file.FlushAsync(CancellationToken.None).ConfigureAwait(false);
                throw HubErrors.Unreachable(metadata.DownloadUrl, ex);
            }

            if (read == 0)
            {
                break;
            }

            // Everything is written, even past the expected size, so an oversized answer fails the size check.
            await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
            have += read;
            progress.BytesReceived(repoPath, read);
        }

        await file.FlushAsync(cancellationToken).ConfigureAwait(false);
        return have;
    }
}
