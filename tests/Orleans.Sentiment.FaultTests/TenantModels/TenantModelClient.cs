using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Orleans.Sentiment.FaultTests.TenantModels;

/// <summary>
/// One tenant's calls to the tenant model, training job and source routes of one node. Reads that a test polls
/// while silos die answer null instead of throwing, so the wait goes on until the cluster answers again.
/// </summary>
public sealed class TenantModelClient(Uri node, string tenant) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = node, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary><paramref name="perLabel"/> distinct short sentences for each label, each naming its label's topic.</summary>
    public static IEnumerable<(string Text, string Label)> Examples(IEnumerable<string> labels, int perLabel) =>
        labels.SelectMany(label => Enumerable.Range(1, perLabel).Select(i => ($"Question {i} about my {label}: case number {i * 7}", label)));

    public async Task DefineAsync(string model, params string[] labels)
    {
        using var response = await _http.PutAsJsonAsync($"/v1/tenants/{tenant}/models/{model}", new { labels });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    public async Task AddExamplesAsync(string model, IEnumerable<(string Text, string Label)> examples)
    {
        using var response = await _http.PostAsJsonAsync($"/v1/tenants/{tenant}/models/{model}/examples", examples.Select(e => new { text = e.Text, label = e.Label }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>Starts a version's training job with <paramref name="request"/> (the route's JSON body) and returns the job id.</summary>
    public async Task<string> TrainAsync(string model, string request)
    {
        using var response = await _http.PostAsync($"/v1/tenants/{tenant}/models/{model}/versions", new StringContent(request, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (string)(await response.Content.ReadFromJsonAsync<JsonObject>())!["jobId"]!;
    }

    public Task<JsonObject?> TryJobAsync(string jobId) => TryGetAsync($"/v1/tenants/{tenant}/jobs/{jobId}");

    public async Task<JsonObject> CancelAsync(string jobId)
    {
        using var response = await _http.PostAsync($"/v1/tenants/{tenant}/jobs/{jobId}/cancel", content: null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>The model's version that <paramref name="jobId"/> trains, or null while the model does not answer.</summary>
    public async Task<JsonObject?> TryVersionAsync(string model, string jobId) =>
        (await TryGetAsync($"/v1/tenants/{tenant}/models/{model}/versions"))?["versions"]!.AsArray().OfType<JsonObject>().SingleOrDefault(v => (string?)v["jobId"] == jobId);

    public async Task PutPolicyAsync(string source, object policy)
    {
        using var response = await _http.PutAsJsonAsync($"/v1/tenants/{tenant}/sources/{source}/alert-policy", policy);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Posts comments with the given ids; answers whether the batch was accepted (a node still starting may refuse it).</summary>
    public async Task<bool> TryPostCommentsAsync(string source, IEnumerable<(string Id, string Text)> comments)
    {
        try
        {
            using var response = await _http.PostAsJsonAsync($"/v1/tenants/{tenant}/sources/{source}/comments", comments.Select(c => new { id = c.Id, text = c.Text }));
            return response.StatusCode == HttpStatusCode.Accepted;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>The source's recent comments by id, each with its predictions, or null while the source does not answer.</summary>
    public async Task<Dictionary<string, JsonObject>?> TryCommentsAsync(string source) =>
        (await TryGetAsync($"/v1/tenants/{tenant}/sources/{source}/comments?limit=20"))?["comments"]!.AsArray().OfType<JsonObject>()
            .ToDictionary(c => (string)c["id"]!, c => c["predictions"]!.AsObject(), StringComparer.Ordinal);

    public void Dispose() => _http.Dispose();

    private async Task<JsonObject?> TryGetAsync(string path)
    {
        try
        {
            using var response = await _http.GetAsync(path);
            return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonObject>() : null;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }
}
