using System.Net;
using System.Net.Http.Json;
using Orleans.Sentiment.HttpApi;

namespace Orleans.Sentiment.Client.Load;

/// <summary>
/// The benchmark's own reads and settings (policies, windows, dead letters), sent so the tenant's request rate limit
/// does not fail them: a 429 is retried after its Retry-After. The load itself is sent without this, so its refusals count.
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
