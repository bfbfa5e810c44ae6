using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Orleans.Sentiment.EndToEndTests.OpenApi;

/// <summary>
/// A valid request for every operation the document lists, keyed by method and path template: the test of the
/// document fails for an operation without one, so a new route cannot go unchecked.
/// </summary>
internal static class ApiCalls
{
    public const string Source = "app";
    public const string Model = "reviews";
    private const string DefinitionJson = """{"labels":["bug","feature","praise"],"multiLabel":false,"base":"builtin:minilm"}""";

    private static readonly Dictionary<string, Func<HttpClient, string, Task<HttpRequestMessage>>> Valid = new()
    {
        ["POST /v1/tenants/{tenant}/sources/{source}/comments"] = (_, tenant) => Send(HttpMethod.Post, Path("/v1/tenants/{tenant}/sources/{source}/comments", tenant), """[{"id":"openapi-1","text":"The refund never came"}]"""),
        ["GET /v1/tenants/{tenant}/sources/{source}/comments"] = (_, tenant) => Send(HttpMethod.Get, Path("/v1/tenants/{tenant}/sources/{source}/comments", tenant) + "?limit=5"),
        ["POST /v1/classify"] = (_, _) => Send(HttpMethod.Post, "/v1/classify", """{"texts":["refund please","lovely app"]}"""),
        ["GET /v1/tenants/{tenant}/sources"] = (_, tenant) => Send(HttpMethod.Get, Path("/v1/tenants/{tenant}/sources", tenant)),
        ["GET /v1/tenants/{tenant}/sources/{source}/window"] = (_, tenant) => Send(HttpMethod.Get, Path("/v1/tenants/{tenant}/sources/{source}/window", tenant)),
        ["GET /v1/tenants/{tenant}/sources/{source}/alert-policy"] = (_, tenant) => Send(HttpMethod.Get, Path("/v1/tenants/{tenant}/sources/{source}/alert-policy", tenant)),
        ["PUT /v1/tenants/{tenant}/sources/{source}/alert-policy"] = (_, tenant) => Send(HttpMethod.Put, Path("/v1/tenants/{tenant}/sources/{source}/alert-policy", tenant), """{"windowSize":50,"threshold":0.2,"minCount":5,"cooldown":"PT15M","windowDuration":"PT1H","exportMetrics":false}"""),
        ["POST /v1/tenants/{tenant}/sources/{source}/policy-test"] = (_, tenant) => Send(HttpMethod.Post, Path("/v1/tenants/{tenant}/sources/{source}/policy-test", tenant), """{"policy":{"detector":"baseline","windowSize":20,"minCount":5,"minBaseline":10},"comments":[{"id":"t-1","text":"The refund never came","timestamp":"2015-02-24T11:15:59-08:00"},{"text":"Lovely crew","timestamp":"2015-02-24T11:16:30-08:00"}]}"""),
        ["GET /v1/tenants/{tenant}/sources/{source}/alerts"] = (_, tenant) => Send(HttpMethod.Get, Path("/v1/tenants/{tenant}/sources/{source}/alerts", tenant) + "?limit=5"),
        ["GET /v1/tenants/{tenant}/sources/{source}/themes"] = (_, tenant) => Send(HttpMethod.Get, Path("/v1/tenants/{tenant}/sources/{source}/themes", tenant) + "?label=negative"),
        ["GET /v1/tenants/{tenant}/dead-letters"] = (_, tenant) => Send(HttpMethod.Get, Path("/v1/tenants/{tenant}/dead-letters", tenant) + "?limit=5"),
        ["POST /v1/tenants/{tenant}/corrections"] = (_, tenant) => Send(HttpMethod.Post, Path("/v1/tenants/{tenant}/corrections", tenant), """{"text":"The refund never came","label":"negative"}"""),
        ["POST /v1/tenants/{tenant}/keys"] = (_, tenant) => Send(HttpMethod.Post, Path("/v1/tenants/{tenant}/keys", tenant)),
        ["GET /v1/tenants/{tenant}/keys"] = (_, tenant) => Send(HttpMethod.Get, Path("/v1/tenants/{tenant}/keys", tenant)),
        ["DELETE /v1/tenants/{tenant}/keys/{id}"] = async (admin, tenant) =>
            await Send(HttpMethod.Delete, Path("/v1/tenants/{tenant}/keys/{id}", tenant, await NewKeyIdAsync(admin, tenant))),
        ["PUT /v1/tenants/{tenant}/models/{model}"] = (_, tenant) => Send(HttpMethod.Put, Path("/v1/tenants/{tenant}/models/{model}", tenant), DefinitionJson),
        ["DELETE /v1/tenants/{tenant}/models/{model}"] = async (admin, tenant) => await Send(HttpMethod.Delete, await ModelToDeleteAsync(admin, tenant)),
        ["GET /v1/tenants/{tenant}/models/{model}"] = async (admin, tenant) => await DefinedAsync(admin, tenant, HttpMethod.Get, "/v1/tenants/{tenant}/models/{model}"),
        ["GET /v1/tenants/{tenant}/models"] = (_, tenant) => Send(HttpMethod.Get, Path("/v1/tenants/{tenant}/models", tenant)),
        ["GET /v1/tenants/{tenant}/models/{model}/versions"] = async (admin, tenant) => await DefinedAsync(admin, tenant, HttpMethod.Get, "/v1/tenants/{tenant}/models/{model}/versions"),
        ["POST /v1/tenants/{tenant}/models/{model}/versions"] = async (admin, tenant) => await DefinedAsync(admin, tenant, HttpMethod.Post, "/v1/tenants/{tenant}/models/{model}/versions", """{"method":"head","seed":7,"autoActivate":false}"""),
        ["PUT /v1/tenants/{tenant}/models/{model}/active"] = async (admin, tenant) => await DefinedAsync(admin, tenant, HttpMethod.Put, "/v1/tenants/{tenant}/models/{model}/active", """{"version":null}"""),
        ["POST /v1/tenants/{tenant}/models/{model}/examples"] = async (admin, tenant) => await DefinedAsync(admin, tenant, HttpMethod.Post, "/v1/tenants/{tenant}/models/{model}/examples", """[{"text":"It crashes when I open a photo","label":"bug"}]"""),
        ["GET /v1/tenants/{tenant}/models/{model}/examples"] = async (admin, tenant) => await DefinedAsync(admin, tenant, HttpMethod.Get, "/v1/tenants/{tenant}/models/{model}/examples?offset=0&limit=10"),
        ["GET /v1/tenants/{tenant}/models/{model}/examples/export"] = async (admin, tenant) => await DefinedAsync(admin, tenant, HttpMethod.Get, "/v1/tenants/{tenant}/models/{model}/examples/export?format=csv"),
        ["DELETE /v1/tenants/{tenant}/models/{model}/examples"] = async (admin, tenant) => await DefinedAsync(admin, tenant, HttpMethod.Delete, "/v1/tenants/{tenant}/models/{model}/examples"),
        ["DELETE /v1/tenants/{tenant}/models/{model}/examples/{id}"] = async (admin, tenant) =>
            await Send(HttpMethod.Delete, Path("/v1/tenants/{tenant}/models/{model}/examples/{id}", tenant, await NewExampleIdAsync(admin, tenant))),
        ["GET /v1/tenants/{tenant}/jobs"] = (_, tenant) => Send(HttpMethod.Get, Path("/v1/tenants/{tenant}/jobs", tenant) + "?limit=5"),
        ["GET /v1/tenants/{tenant}/jobs/{id}"] = async (admin, tenant) =>
            await Send(HttpMethod.Get, Path("/v1/tenants/{tenant}/jobs/{id}", tenant, await NewJobIdAsync(admin, tenant))),
        ["POST /v1/tenants/{tenant}/jobs/{id}/cancel"] = async (admin, tenant) =>
            await Send(HttpMethod.Post, Path("/v1/tenants/{tenant}/jobs/{id}/cancel", tenant, await NewJobIdAsync(admin, tenant))),
        ["GET /v1/whoami"] = (_, _) => Send(HttpMethod.Get, "/v1/whoami"),
        ["GET /health/live"] = (_, _) => Send(HttpMethod.Get, "/health/live"),
        ["GET /health/ready"] = (_, _) => Send(HttpMethod.Get, "/health/ready"),
        ["GET /metrics"] = (_, _) => Send(HttpMethod.Get, "/metrics"),
    };

    public static IReadOnlyCollection<string> Known => Valid.Keys;

    /// <summary>A valid request for <paramref name="operation"/> on <paramref name="tenant"/>; <paramref name="admin"/> prepares what it needs (a key to revoke).</summary>
    public static Task<HttpRequestMessage> ValidAsync(ApiOperation operation, HttpClient admin, string tenant) =>
        Valid.TryGetValue(operation.Key, out var create)
            ? create(admin, tenant)
            : throw new InvalidOperationException($"No request is known for {operation.Key}: add one to {nameof(ApiCalls)}.");

    /// <summary>The path of a template, with the test's tenant, source and key id (all URI-escaped).</summary>
    public static string Path(string template, string tenant, string id = "0123456789abcdef") => template
        .Replace("{tenant}", Uri.EscapeDataString(tenant), StringComparison.Ordinal)
        .Replace("{source}", Source, StringComparison.Ordinal)
        .Replace("{model}", Model, StringComparison.Ordinal)
        .Replace("{id}", Uri.EscapeDataString(id), StringComparison.Ordinal);

    public static Task<HttpRequestMessage> Send(HttpMethod method, string path, string? json = null, string mediaType = "application/json") =>
        Task.FromResult(new HttpRequestMessage(method, path) { Content = json is null ? null : new StringContent(json, Encoding.UTF8, mediaType) });

    /// <summary>A request on the test's model, defined first (with the admin key) so that it exists.</summary>
    private static async Task<HttpRequestMessage> DefinedAsync(HttpClient admin, string tenant, HttpMethod method, string template, string? json = null)
    {
        using var defined = await admin.PutAsync(Path("/v1/tenants/{tenant}/models/{model}", tenant), new StringContent(DefinitionJson, Encoding.UTF8, "application/json"));
        defined.EnsureSuccessStatusCode();
        return await Send(method, Path(template, tenant), json);
    }

    /// <summary>The path of a model defined to be deleted: not the test's model, whose training job would refuse the delete.</summary>
    private static async Task<string> ModelToDeleteAsync(HttpClient admin, string tenant)
    {
        var path = Path("/v1/tenants/{tenant}/models/", tenant) + "retired";
        using var defined = await admin.PutAsync(path, new StringContent(DefinitionJson, Encoding.UTF8, "application/json"));
        defined.EnsureSuccessStatusCode();
        return path;
    }

    private static async Task<string> NewExampleIdAsync(HttpClient admin, string tenant)
    {
        using var added = await DefinedAsync(admin, tenant, HttpMethod.Post, "/v1/tenants/{tenant}/models/{model}/examples", """[{"text":"Please add a dark mode","label":"feature"}]""");
        using var response = await admin.SendAsync(added);
        response.EnsureSuccessStatusCode();
        var page = await admin.GetFromJsonAsync<JsonObject>(Path("/v1/tenants/{tenant}/models/{model}/examples", tenant) + "?limit=1000");
        return (string)page!["examples"]!.AsArray().Last()!["id"]!;
    }

    /// <summary>A training job of a new version of the test's model (defined, given examples of both labels, then trained).</summary>
    private static async Task<string> NewJobIdAsync(HttpClient admin, string tenant)
    {
        var examples = string.Join(",", Enumerable.Range(0, 8).Select(i => $$"""{"text":"it crashes on start {{i}}","label":"bug"},{"text":"please add export {{i}}","label":"feature"}"""));
        using var added = await DefinedAsync(admin, tenant, HttpMethod.Post, "/v1/tenants/{tenant}/models/{model}/examples", "[" + examples + "]");
        using var addedResponse = await admin.SendAsync(added);
        addedResponse.EnsureSuccessStatusCode();
        using var version = await admin.PostAsync(Path("/v1/tenants/{tenant}/models/{model}/versions", tenant), new StringContent("""{"method":"head"}""", Encoding.UTF8, "application/json"));
        version.EnsureSuccessStatusCode();
        return (string)(await version.Content.ReadFromJsonAsync<JsonObject>())!["jobId"]!;
    }

    private static async Task<string> NewKeyIdAsync(HttpClient admin, string tenant)
    {
        using var created = await admin.PostAsync(Path("/v1/tenants/{tenant}/keys", tenant), null);
        created.EnsureSuccessStatusCode();
        return (string)(await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }
}
