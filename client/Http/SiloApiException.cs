using System.Text.Json;
using Orleans.Sentiment.HttpApi;

namespace Orleans.Sentiment.Client.Http;

/// <summary>An error answer of the silo; <see cref="Problem"/> holds its problem details when it sent some.</summary>
internal sealed class SiloApiException(int status, string message, ApiProblem? problem) : Exception($"HTTP {status}: {message}")
{
    public int Status { get; } = status;

    public ApiProblem? Problem { get; } = problem;

    public static async Task<SiloApiException> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        try
        {
            var problem = JsonSerializer.Deserialize<ApiProblem>(body, HttpApiJson.Options);
            return new SiloApiException(status, problem?.Detail ?? problem?.Title ?? response.ReasonPhrase ?? "request failed", problem);
        }
        catch (JsonException)
        {
            // Not problem details (a proxy's error page, say): the body itself says what went wrong.
            return new SiloApiException(status, body.Length > 200 ? body[..200] : body.Length > 0 ? body : response.ReasonPhrase ?? "request failed", null);
        }
    }
}
