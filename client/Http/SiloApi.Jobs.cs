using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using Orleans.Sentiment.HttpApi;

namespace Orleans.Sentiment.Client.Http;

/// <summary>Training jobs: list, status, cancel, and starting a version of a tenant model (which queues its job).</summary>
internal sealed partial class SiloApi
{
    /// <summary>The tenant model routes' version route, which creates a version and its job.</summary>
    public const string VersionsRoute = "/v1/tenants/{tenant}/models/{name}/versions";

    public async Task<TrainingJobsResponse> ListJobsAsync(string tenant, int limit, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync($"{ApiRoutes.Path(ApiRoutes.Jobs, tenant)}?limit={limit}", cancellationToken);
        return await ReadAsync<TrainingJobsResponse>(response, cancellationToken);
    }

    public async Task<TrainingJobDto> GetJobAsync(string tenant, string id, CancellationToken cancellationToken)
    {
        using var response = await _http.GetAsync(ApiRoutes.Path(ApiRoutes.Job, tenant, id), cancellationToken);
        return await ReadAsync<TrainingJobDto>(response, cancellationToken);
    }

    public async Task<TrainingJobDto> CancelJobAsync(string tenant, string id, CancellationToken cancellationToken)
    {
        using var response = await _http.PostAsync(ApiRoutes.Path(ApiRoutes.JobCancel, tenant, id), null, cancellationToken);
        return await ReadAsync<TrainingJobDto>(response, cancellationToken);
    }

    /// <summary>
    /// <c>POST /v1/tenants/{tenant}/models/{name}/versions</c> with the training options (absent ones: the trainer's
    /// defaults); returns the id of the job that trains the version.
    /// </summary>
    public async Task<string> StartVersionAsync(string tenant, string model, JsonObject options, CancellationToken cancellationToken)
    {
        var path = ApiRoutes.Path(VersionsRoute, tenant, model);
        using var response = await _http.PostAsJsonAsync(path, options, HttpApiJson.Options, cancellationToken);
        var started = await ReadAsync<JsonObject>(response, cancellationToken);
        return started["jobId"]?.GetValue<string>() ?? throw new JsonException("The answer to a new version carries no jobId.");
    }
}
