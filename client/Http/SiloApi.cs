using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orleans.Sentiment.Client.Http;

/// <summary>The silo's HTTP API as the CLI uses it.</summary>
internal sealed class SiloApi(Uri baseUrl) : IDisposable
{
    public const string DefaultUrl = "http://localhost:5080";

    private readonly HttpClient _http = new() { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(2) };

    public async Task<JsonObject> PostCommentsAsync(string tenant, string source, IReadOnlyList<object> comments, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsJsonAsync(SourcePath(tenant, source) + "/comments", comments, cancellationToken);
        return await ReadAsync(response, cancellationToken);
    }

    public async Task<JsonObject> GetWindowAsync(string tenant, string source, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(SourcePath(tenant, source) + "/window", cancellationToken);
        return await ReadAsync(response, cancellationToken);
    }

    public void Dispose() => _http.Dispose();

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
