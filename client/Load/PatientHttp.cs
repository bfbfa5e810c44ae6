using System.Net;
using System.Net.Http.Json;
using Orleans.Sentiment.HttpApi;

namespace Orleans.Sentiment.Client.Load;

/// <summary>
/// Requests that must not fail on a 429 (the tenant's rate limit or admission): each is retried after its Retry-After.
/// The load benchmark's own reads and settings go through this, its load does not, so its refusals count; the
/// throughput benchmark posts through it, as a client that honours admission does.
/// </summary>
internal sealed class PatientHttp(HttpClient http)
{
    private static readonly TimeSpan GiveUp = TimeSpan.FromMinutes(2);

    public async Task<T?> GetJsonAsync<T>(string path, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => new HttpRequestMessage(HttpMethod.Get, path), cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<T>(HttpApiJson.Options, cancellationToken);
    }

    public async Task<HttpResponseMessage> PutJsonAsync<T>(string path, T body, CancellationToken cancellationToken) =>
        await SendAsync(() => new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body, options: HttpApiJson.Options) }, cancellationToken);

    public async Task<HttpResponseMessage> PostJsonAsync<T>(string path, T body, CancellationToken cancellationToken) =>
        await SendAsync(() => new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body, options: HttpApiJson.Options) }, cancellationToken);

    private async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> create, CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        while (true)
        {
            using var request = create();
            var response = await http.SendAsync(request, cancellationToken);
            if (response.StatusCode != HttpStatusCode.TooManyRequests || DateTimeOffset.UtcNow - started > GiveUp)
            {
                return response;
            }

            var wait = RetryAfterHeader.Delay(response.Headers, DateTimeOffset.UtcNow) ?? TimeSpan.FromSeconds(1);
            response.Dispose();
            await Task.Delay(wait, cancellationToken);
        }
    }
}
