using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Orleans.Sentiment.HttpApi;

namespace Orleans.Sentiment.Client.Http;

/// <summary>
/// The silo's HTTP API as the CLI uses it, in the contract's types. Sends the API key when one is given. Ingestion
/// batches carry an <c>Idempotency-Key</c> (the same on every retry of a batch), so a 429 or 503 can be retried —
/// honouring <c>Retry-After</c>, at most <see cref="MaxRetries"/> times — without counting a comment twice. An error
/// answer is thrown as a <see cref="SiloApiException"/> carrying its problem details.
/// </summary>
internal sealed partial class SiloApi : IDisposable
{
    public const string DefaultUrl = "http://localhost:5080";
    public const int MaxRetries = 5;
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(60);

    private readonly HttpClient _http;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;

    public SiloApi(Uri baseUrl, string? apiKey = null, HttpMessageHandler? handler = null, Func<TimeSpan, CancellationToken, Task>? delay = null, TimeSpan? timeout = null)
    {
        _http = handler is null ? new HttpClient() : new HttpClient(handler);
        _http.BaseAddress = baseUrl;
        _http.Timeout = timeout ?? TimeSpan.FromMinutes(2);
        Authorize(_http, apiKey);
        _delay = delay ?? Task.Delay;
    }

    public TimeSpan Timeout => _http.Timeout;

    /// <summary>Adds <c>Authorization: Bearer</c> to every request of a client when a key is given.</summary>
    public static void Authorize(HttpClient http, string? apiKey)
    {
        if (!string.IsNullOrEmpty(apiKey))
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }
    }

    /// <param name="idempotencyKey">Sent as <c>Idempotency-Key</c>; the same for every retry of this batch.</param>
    public async Task<IngestResponse> PostCommentsAsync(string tenant, string source, IReadOnlyList<IncomingComment> comments, string idempotencyKey, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(comments, HttpApiJson.Options);
        using var response = await SendWithRetriesAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, ApiRoutes.Path(ApiRoutes.Comments, tenant, source)) { Content = JsonBytes(body) };
            request.Headers.Add(ApiHeaders.IdempotencyKey, idempotencyKey);
            return request;
        }, cancellationToken);
        return await ReadAsync<IngestResponse>(response, cancellationToken);
    }

    public async Task<WindowDto> GetWindowAsync(string tenant, string source, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(ApiRoutes.Path(ApiRoutes.Window, tenant, source), cancellationToken);
        return await ReadAsync<WindowDto>(response, cancellationToken);
    }

    public async Task<CorrectionDto> PostCorrectionAsync(string tenant, CorrectionRequest correction, CancellationToken cancellationToken)
    {
        using var content = JsonBytes(JsonSerializer.SerializeToUtf8Bytes(correction, HttpApiJson.Options));
        using var response = await _http.PostAsync(ApiRoutes.Path(ApiRoutes.Corrections, tenant), content, cancellationToken);
        return await ReadAsync<CorrectionDto>(response, cancellationToken);
    }

    public void Dispose() => _http.Dispose();

    /// <summary>How long to wait before retrying an answer, or null when it is not worth retrying.</summary>
    public static TimeSpan? RetryDelay(HttpResponseMessage response, int attempt)
    {
        if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable) || attempt >= MaxRetries)
        {
            return null;
        }

        var wait = RetryAfterHeader.Delay(response.Headers, DateTimeOffset.UtcNow) ?? TimeSpan.FromSeconds(Math.Pow(2, attempt));
        return wait > MaxRetryDelay ? MaxRetryDelay : wait;
    }

    // Buffered (not chunked) so the request carries a Content-Length, which every proxy accepts.
    private static ByteArrayContent JsonBytes(byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue(ApiMediaTypes.Json) { CharSet = "utf-8" };
        return content;
    }

    private async Task<HttpResponseMessage> SendWithRetriesAsync(Func<HttpRequestMessage> create, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var request = create();
            var response = await _http.SendAsync(request, cancellationToken);
            if (RetryDelay(response, attempt) is not { } wait)
            {
                return response;
            }

            response.Dispose();
            await _delay(wait, cancellationToken);
        }
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        if (!response.IsSuccessStatusCode)
        {
            throw await SiloApiException.ReadAsync(response, cancellationToken);
        }

        try
        {
            return await response.Content.ReadFromJsonAsync<T>(HttpApiJson.Options, cancellationToken)
                ?? throw new SiloApiException(status, "the silo answered null", null);
        }
        catch (JsonException e)
        {
            throw new SiloApiException(status, $"the silo's answer is not a {typeof(T).Name}: {e.Message}", null);
        }
    }
}
