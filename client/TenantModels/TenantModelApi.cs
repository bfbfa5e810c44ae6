using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Orleans.Sentiment.Client.Http;
using Orleans.Sentiment.HttpApi;

namespace Orleans.Sentiment.Client.TenantModels;

/// <summary>The tenant model and example routes, for the <c>models</c> verbs; error answers throw <see cref="SiloApiException"/>.</summary>
internal sealed class TenantModelApi(HttpClient http)
{
    public Task<TenantModelDto> DefineAsync(string tenant, string model, DefineModelRequest definition, CancellationToken cancellationToken) =>
        SendAsync<TenantModelDto>(HttpMethod.Put, ApiRoutes.Path(ApiRoutes.Model, tenant, model), Json(definition), cancellationToken);

    public Task<TenantModelsResponse> ListAsync(string tenant, CancellationToken cancellationToken) =>
        SendAsync<TenantModelsResponse>(HttpMethod.Get, ApiRoutes.Path(ApiRoutes.Models, tenant), null, cancellationToken);

    public Task<TenantModelDto> GetAsync(string tenant, string model, CancellationToken cancellationToken) =>
        SendAsync<TenantModelDto>(HttpMethod.Get, ApiRoutes.Path(ApiRoutes.Model, tenant, model), null, cancellationToken);

    public Task<TenantModelDto> ActivateAsync(string tenant, string model, ActivateRequest request, CancellationToken cancellationToken) =>
        SendAsync<TenantModelDto>(HttpMethod.Put, ApiRoutes.Path(ApiRoutes.ModelActive, tenant, model), Json(request), cancellationToken);

    public Task<AddExamplesResponse> AddExamplesAsync(string tenant, string model, IReadOnlyList<ExampleRequest> examples, CancellationToken cancellationToken) =>
        SendAsync<AddExamplesResponse>(HttpMethod.Post, ApiRoutes.Path(ApiRoutes.Examples, tenant, model), Json(examples), cancellationToken);

    public Task<ExamplesResponse> ListExamplesAsync(string tenant, string model, int offset, int limit, CancellationToken cancellationToken) =>
        SendAsync<ExamplesResponse>(HttpMethod.Get, $"{ApiRoutes.Path(ApiRoutes.Examples, tenant, model)}?offset={offset}&limit={limit}", null, cancellationToken);

    public Task<DeleteExamplesResponse> DeleteExamplesAsync(string tenant, string model, CancellationToken cancellationToken) =>
        SendAsync<DeleteExamplesResponse>(HttpMethod.Delete, ApiRoutes.Path(ApiRoutes.Examples, tenant, model), null, cancellationToken);

    public Task DeleteAsync(string tenant, string model, CancellationToken cancellationToken) =>
        DeleteAsync(ApiRoutes.Path(ApiRoutes.Model, tenant, model), cancellationToken);

    public Task DeleteExampleAsync(string tenant, string model, string id, CancellationToken cancellationToken) =>
        DeleteAsync(ApiRoutes.Path(ApiRoutes.Example, tenant, model, id), cancellationToken);

    /// <summary>The export as the silo sends it: NDJSON or CSV text.</summary>
    public async Task<string> ExportAsync(string tenant, string model, string format, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"{ApiRoutes.Path(ApiRoutes.ExamplesExport, tenant, model)}?format={format}", cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await SiloApiException.ReadAsync(response, cancellationToken);
        }

        return await response.Content.ReadAsStringAsync(cancellationToken);
    }

    /// <summary>A delete answered 204 (no body).</summary>
    private async Task DeleteAsync(string path, CancellationToken cancellationToken)
    {
        using var response = await http.DeleteAsync(path, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await SiloApiException.ReadAsync(response, cancellationToken);
        }
    }

    private static ByteArrayContent Json<T>(T value)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, HttpApiJson.Options));
        content.Headers.ContentType = new MediaTypeHeaderValue(ApiMediaTypes.Json) { CharSet = Encoding.UTF8.WebName };
        return content;
    }

    private async Task<T> SendAsync<T>(HttpMethod method, string path, HttpContent? content, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path) { Content = content };
        using var response = await http.SendAsync(request, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw await SiloApiException.ReadAsync(response, cancellationToken);
        }

        return await response.Content.ReadFromJsonAsync<T>(HttpApiJson.Options, cancellationToken)
            ?? throw new SiloApiException((int)response.StatusCode, "the silo answered null", null);
    }
}
