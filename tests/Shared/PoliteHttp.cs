using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace Orleans.Sentiment.Testing;

/// <summary>
/// Requests as a well-behaved client sends them: a 429 (a rate limit, or the silo's admission bound) or a 503 is sent
/// again after its Retry-After. For tests whose subject is not the refusal itself.
/// </summary>
internal static class PoliteHttp
{
    private const int MaxAttempts = 30;

    public static Task<HttpResponseMessage> PostAsJsonPolitelyAsync<T>(this HttpClient http, string path, T body) =>
        SendAsync(http, () => new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) });

    public static async Task<JsonObject> GetJsonPolitelyAsync(this HttpClient http, string path)
    {
        using var response = await SendAsync(http, () => new HttpRequestMessage(HttpMethod.Get, path));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient http, Func<HttpRequestMessage> create)
    {
        for (var attempt = 1; ; attempt++)
        {
            using var request = create();
            var response = await http.SendAsync(request);
            if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable) || attempt == MaxAttempts)
            {
                return response;
            }

            var wait = response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1);
            response.Dispose();
            await Task.Delay(wait);
        }
    }
}
