using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orleans.Sentiment.Client.Http;

/// <summary>
/// The silo's HTTP API as the CLI uses it. Sends the API key when one is given. Ingestion batches carry an
/// <c>Idempotency-Key</c> (the same on every retry of a batch), so a 429 or 503 can be retried — honouring
/// <c>Retry-After</c>, at most <see cref="MaxRetries"/> times — without counting a comment twice.
/// </summary>
internal sealed class SiloApi : IDisposable
{
    public const string DefaultUrl = "http://localhost:5080";
    public const int MaxRetries = 5;
    public static readonly TimeSpan MaxRetryDelay = TimeSpan.FromSeconds(60);

    private readonly HttpClient _http;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;

    public SiloApi(Uri baseUrl, string? apiKey = null, HttpMessageHandler? handler = null, Func<TimeSpan, CancellationToken, Task>? delay = null)
    {
        _http = handler is null ? new HttpClient() : new HttpClient(handler);
        _http.BaseAddress = baseUrl;
        _http.Timeout = TimeSpan.FromMinutes(2);
        Authorize(_http, apiKey);
        _delay = delay ?? Task.Delay;
    }

    /// <summary>Adds <c>Authorization: Bearer</c> to every request of a client when a key is given.</summary>
    public static void Authorize(HttpClient http, string? apiKey)
    {
        if (!string.IsNullOrEmpty(apiKey))
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
        }
    }

    /// <param name="idempotencyKey">Sent as <c>Idempotency-Key</c>; the same for every retry of this batch.</param>
    public async Task<JsonObject> PostCommentsAsync(string tenant, string source, IReadOnlyList<object> comments, string idempotencyKey, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(comments, JsonSerializerOptions.Web);
        using var response = await SendWithRetriesAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Post, SourcePath(tenant, source) + "/comments") { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
            request.Headers.Add("Idempotency-Key", idempotencyKey);
            return request;
        }, cancellationToken);
        return await ReadAsync(response, cancellationToken);
    }

    public async Task<JsonObject> GetWindowAsync(string tenant, string source, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(SourcePath(tenant, source) + "/window", cancellationToken);
        return await ReadAsync(response, cancellationToken);
    }

    public void Dispose() => _http.Dispose();

    /// <summary>How long to wait before retrying an answer, or null when it is not worth retrying.</summary>
    public static TimeSpan? RetryDelay(HttpResponseMessage response, int attempt)
    {
        if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable) || attempt >= MaxRetries)
        {
            return null;
        }

        var retryAfter = response.Headers.RetryAfter;
        var wait = retryAfter?.Delta
            ?? (retryAfter?.Date is { } date ? date - DateTimeOffset.UtcNow : TimeSpan.FromSeconds(Math.Pow(2, attempt)));
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > MaxRetryDelay ? MaxRetryDelay : wait;
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

    private static string SourcePath(string tenant, string source) =>
        $"v1/tenants/{Uri.EscapeDataString(tenant)}/sources/{Uri.EscapeDataString(source)}";

    private static async Task<JsonObject> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new SiloApiException((int)response.StatusCode, Describe(body) ?? response.ReasonPhrase ?? "request failed");
        }

        return JsonNode.Parse(body) as JsonObject ?? throw new SiloApiException((int)response.StatusCode, "the silo answered with something other than a JSON object");
    }

    private static string? Describe(string body)
    {
        try
        {
            var problem = JsonNode.Parse(body);
            return (string?)problem?["detail"] ?? (string?)problem?["title"];
        }
        catch (JsonException)
        {
            return body.Length > 200 ? body[..200] : body;
        }
    }
}

internal sealed class SiloApiException(int status, string message) : Exception($"HTTP {status}: {message}")
{
    public int Status { get; } = status;
}
