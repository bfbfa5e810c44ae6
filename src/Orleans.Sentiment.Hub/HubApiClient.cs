using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;

namespace Orleans.Sentiment.Hub;

/// <summary>
/// The three hub calls a pull needs: list a revision's files, HEAD a file for its metadata, GET its bytes.
/// Redirects are followed by hand so the token goes to the endpoint only, never to a CDN host.
/// </summary>
public sealed class HubApiClient : IDisposable
{
    private const int MaxRedirects = 10;
    private static readonly TimeSpan MetadataTimeout = TimeSpan.FromSeconds(30);

    private readonly HubSettings _settings;
    private readonly HttpClient _http;

    public HubApiClient(HubSettings settings, HttpMessageHandler? handler = null)
    {
        _settings = settings;
        _http = new HttpClient(handler ?? new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            ConnectTimeout = TimeSpan.FromSeconds(15),
        })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("orleans-sentiment", "1.0"));
    }

    /// <summary><c>GET /api/models/{repo}/revision/{revision}</c>: the commit and its file list.</summary>
    public async Task<HubRepoInfo> GetRepoInfoAsync(HubRepoId repo, string revision, CancellationToken cancellationToken)
    {
        var url = HubUrls.RepoInfo(_settings.Endpoint, repo, revision);
        using var timeout = TimeoutSource(cancellationToken);
        using var response = await SendFollowingRelativeAsync(HttpMethod.Get, url, timeout.Token, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw HubErrors.FromStatus(response, repo, revision, null, _settings.Token is not null);
        }

        try
        {
            await using var body = await response.Content.ReadAsStreamAsync(timeout.Token).ConfigureAwait(false);
            using var json = await JsonDocument.ParseAsync(body, cancellationToken: timeout.Token).ConfigureAwait(false);
            var root = json.RootElement;
            var sha = root.TryGetProperty("sha", out var shaElement) ? shaElement.GetString() : null;
            if (string.IsNullOrEmpty(sha) || !root.TryGetProperty("siblings", out var siblings) || siblings.ValueKind != JsonValueKind.Array)
            {
                throw new HubException(HubErrorKind.Network, $"The hub's answer for '{repo}' at '{revision}' has no 'sha' or 'siblings'; is HF_ENDPOINT a Hugging Face hub?");
            }

            if (!HubCacheLayout.IsCommitHash(sha))
            {
                throw new HubException(HubErrorKind.Network, $"The hub's answer for '{repo}' at '{revision}' names a commit that is not 40 hex digits; is HF_ENDPOINT a Hugging Face hub?");
            }

            var files = siblings.EnumerateArray()
                .Select(s => s.TryGetProperty("rfilename", out var name) ? name.GetString() : null)
                .OfType<string>()
                .ToList();
            return new HubRepoInfo(sha, files);
        }
        catch (JsonException ex)
        {
            throw new HubException(HubErrorKind.Network, $"The hub's answer for '{repo}' at '{revision}' is not JSON; is HF_ENDPOINT a Hugging Face hub?", ex);
        }
    }

    /// <summary>
    /// <c>HEAD /{repo}/resolve/{revision}/{path}</c>: commit (<c>X-Repo-Commit</c>), etag (<c>X-Linked-Etag</c> or
    /// <c>ETag</c>), size (<c>X-Linked-Size</c> or <c>Content-Length</c>) and the download URL (the redirect target
    /// for LFS files). Relative redirects (renamed repositories) are followed, absolute ones (CDN) are not; a
    /// redirect that already carries <c>X-Linked-Etag</c> is an LFS redirect wherever it points.
    /// </summary>
    public async Task<HubFileMetadata> GetFileMetadataAsync(HubRepoId repo, string revision, string repoPath, CancellationToken cancellationToken)
    {
        var url = HubUrls.Resolve(_settings.Endpoint, repo, revision, repoPath);
        using var timeout = TimeoutSource(cancellationToken);
        using var response = await SendFollowingRelativeAsync(HttpMethod.Head, url, timeout.Token, cancellationToken, IsLfsRedirect).ConfigureAwait(false);
        var status = (int)response.StatusCode;
        if (status is < 200 or >= 400)
        {
            throw HubErrors.FromStatus(response, repo, revision, repoPath, _settings.Token is not null);
        }

        var commit = Header(response, "X-Repo-Commit");
        var etag = Header(response, "X-Linked-Etag") ?? response.Headers.ETag?.ToString() ?? Header(response, "ETag");
        var sizeText = Header(response, "X-Linked-Size") ?? response.Content.Headers.ContentLength?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (commit is null || etag is null || !long.TryParse(sizeText, out var size))
        {
            throw new HubException(HubErrorKind.Network,
                $"The hub's answer for '{repoPath}' lacks X-Repo-Commit, ETag or a size; a proxy may be stripping headers.");
        }

        if (!HubCacheLayout.IsCommitHash(commit))
        {
            throw new HubException(HubErrorKind.Network, $"The hub's answer for '{repoPath}' names a commit (X-Repo-Commit) that is not 40 hex digits.");
        }

        var location = response.Headers.Location is { } target && status is >= 300 and < 400
            ? new Uri(response.RequestMessage!.RequestUri!, target)
            : response.RequestMessage!.RequestUri!;
        return new HubFileMetadata(commit, HubFileMetadata.NormalizeEtag(etag), size, location);
    }

    /// <summary>GETs a file from <paramref name="offset"/> on (a Range request when above zero), following redirects.</summary>
    public async Task<HttpResponseMessage> OpenDownloadAsync(Uri url, long offset, CancellationToken cancellationToken)
    {
        for (var hop = 0; ; hop++)
        {
            using var request = CreateRequest(HttpMethod.Get, url);
            if (offset > 0)
            {
                request.Headers.Range = new RangeHeaderValue(offset, null);
            }

            var response = await SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken, cancellationToken).ConfigureAwait(false);
            if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } target && hop < MaxRedirects)
            {
                url = new Uri(url, target);
                response.Dispose();
                continue;
            }

            return response;
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> SendFollowingRelativeAsync(
        HttpMethod method, Uri url, CancellationToken token, CancellationToken callerToken, Func<HttpResponseMessage, bool>? isFinal = null)
    {
        for (var hop = 0; ; hop++)
        {
            using var request = CreateRequest(method, url);
            var response = await SendAsync(request, HttpCompletionOption.ResponseHeadersRead, token, callerToken).ConfigureAwait(false);
            if ((int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { IsAbsoluteUri: false } relative && hop < MaxRedirects
                && isFinal?.Invoke(response) != true)
            {
                url = new Uri(url, relative);
                response.Dispose();
                continue;
            }

            return response;
        }
    }

    private static bool IsLfsRedirect(HttpResponseMessage response) => response.Headers.Contains("X-Linked-Etag");

    private HttpRequestMessage CreateRequest(HttpMethod method, Uri url)
    {
        var request = new HttpRequestMessage(method, url);
        // Sizes must be the file's, not a compressed body's (as huggingface_hub asks).
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("identity"));
        if (_settings.Token is { } token && HubUrls.SameAuthority(url, _settings.Endpoint))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return request;
    }

    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, HttpCompletionOption completion, CancellationToken token, CancellationToken callerToken)
    {
        try
        {
            return await _http.SendAsync(request, completion, token).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw HubErrors.Unreachable(request.RequestUri!, ex);
        }
        catch (OperationCanceledException ex) when (!callerToken.IsCancellationRequested)
        {
            throw HubErrors.Unreachable(request.RequestUri!, new TimeoutException("the request timed out.", ex));
        }
    }

    private static CancellationTokenSource TimeoutSource(CancellationToken cancellationToken)
    {
        var source = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        source.CancelAfter(MetadataTimeout);
        return source;
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? values.FirstOrDefault()
            : null;
}
