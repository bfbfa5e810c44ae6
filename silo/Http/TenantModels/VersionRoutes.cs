using Orleans.Sentiment.Contracts.TenantModels;
using Orleans.Sentiment.Contracts.Training;
using Orleans.Sentiment.HttpApi;
using Orleans.Sentiment.Silo.Http.OpenApi;
using Orleans.Sentiment.Silo.Http.Parsing;
using Orleans.Sentiment.Silo.Http.Responses;

namespace Orleans.Sentiment.Silo.Http.TenantModels;

/// <summary><c>POST …/models/{model}/versions</c>: a new version, queued, and the training job that trains it.</summary>
internal static class VersionRoutes
{
    private static readonly string[] Methods = ["auto", "lora", "head", "setfit"];

    /// <summary>Where the job's progress is read: the training job routes' template.</summary>
    private const string JobRoute = "/v1/tenants/{tenant}/jobs/{id}";

    public static void MapModelTraining(this IEndpointRouteBuilder app) =>
        app.MapPost(ApiRoutes.ModelVersions, TrainAsync)
            .WithName("TrainModelVersion").WithTags("Models")
            .WithSummary("Train a new version from the stored examples and corrections: 202 with the job id once it is queued.")
            .Reads<TrainRequest>(ApiMediaTypes.Json)
            .Answers<TrainingStartedResponse>(StatusCodes.Status202Accepted)
            .Fails(StatusCodes.Status404NotFound);

    private static async Task<IResult> TrainAsync(string tenant, string model, HttpRequest request, IClusterClient cluster, TimeProvider time, CancellationToken cancellationToken)
    {
        if (ModelIds.Check(tenant, model) is { } invalidRoute)
        {
            return invalidRoute;
        }

        var (body, malformed) = await JsonBody.ReadAsync<TrainRequest>(request, cancellationToken);
        if (malformed is not null)
        {
            return malformed;
        }

        if (OptionErrors(body) is { Count: > 0 } errors)
        {
            return Problems.Invalid(errors);
        }

        var grain = ModelRoutes.ModelGrain(cluster, tenant, model);
        if (await grain.GetAsync() is not { } found)
        {
            return ModelIds.NotFound(tenant, model);
        }

        var now = time.GetUtcNow();
        var versionId = $"v{now:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..4]}";
        var jobId = $"{tenant}.{model}.{versionId}";
        // Null when the model was deleted since it was read.
        if (await grain.CreateVersionAsync(versionId, jobId, body?.AutoActivate ?? false) is not { } version)
        {
            return ModelIds.NotFound(tenant, model);
        }

        var definition = found.Definition;
        var spec = new TrainingJobSpec(
            tenant, model, versionId, definition.Labels, definition.MultiLabel, definition.BaseModel, body?.Method ?? "auto",
            body?.Epochs, body?.LearningRate, body?.MaxLength, body?.Seed ?? 42);
        await cluster.GetGrain<ITrainingJobGrain>(jobId).StartAsync(spec);
        return TypedResults.Accepted(ApiRoutes.Path(JobRoute, tenant, jobId), new TrainingStartedResponse(jobId, versionId, version.Status.ToString().ToLowerInvariant()));
    }

    private static Dictionary<string, string[]> OptionErrors(TrainRequest? body)
    {
        var errors = new Dictionary<string, string[]>();
        if (body?.Method is { } method && !Methods.Contains(method))
        {
            errors["method"] = [$"must be one of {string.Join(", ", Methods)}"];
        }

        if (body?.Epochs is < 1 or > 1000)
        {
            errors["epochs"] = ["must be between 1 and 1000"];
        }

        if (body?.LearningRate is { } rate && (double.IsNaN(rate) || rate <= 0 || rate > 1))
        {
            errors["learningRate"] = ["must be above 0 and at most 1"];
        }

        if (body?.MaxLength is < 8 or > 512)
        {
            errors["maxLength"] = ["must be between 8 and 512"];
        }

        return errors;
    }
}
