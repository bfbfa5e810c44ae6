using Orleans.Sentiment.Contracts.Training;
using Orleans.Sentiment.Grains.Training;
using Orleans.Sentiment.HttpApi;
using Orleans.Sentiment.Silo.Http.OpenApi;
using Orleans.Sentiment.Silo.Http.Parsing;

namespace Orleans.Sentiment.Silo.Http.Routes;

/// <summary>
/// A tenant's training jobs: status and progress, cancel, list. A job of another tenant answers 404 like a missing
/// one, so ids reveal nothing across tenants.
/// </summary>
internal static class TrainingJobRoutes
{
    private const int DefaultLimit = 20;

    public static void MapTrainingJobs(this IEndpointRouteBuilder app)
    {
        app.MapGet(ApiRoutes.Jobs, ListAsync)
            .WithName("ListTrainingJobs").WithTags("Training jobs").WithSummary("The tenant's training jobs, newest first.")
            .TakesLimit("200")
            .Answers<TrainingJobsResponse>(StatusCodes.Status200OK);
        app.MapGet(ApiRoutes.Job, GetAsync)
            .WithName("GetTrainingJob").WithTags("Training jobs").WithSummary("A training job's state, progress and reason.")
            .Answers<TrainingJobDto>(StatusCodes.Status200OK)
            .Fails(StatusCodes.Status404NotFound);
        app.MapPost(ApiRoutes.JobCancel, CancelAsync)
            .WithName("CancelTrainingJob").WithTags("Training jobs").WithSummary("Cancel a queued or running job (its version fails, reason \"cancelled\"); a finished job is answered as it is.")
            .Answers<TrainingJobDto>(StatusCodes.Status200OK)
            .Fails(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(string tenant, string? limit, IClusterClient cluster)
    {
        if (RouteIds.Check(tenant) is { } invalidRoute)
        {
            return invalidRoute;
        }

        if (LimitQuery.Check(limit, TenantJobsGrain.Capacity, "the most recent 200 are kept", out var count) is { } invalid)
        {
            return invalid;
        }

        var ids = await cluster.GetGrain<ITenantJobsGrain>(tenant).ListAsync(count ?? DefaultLimit);
        var jobs = await Task.WhenAll(ids.Select(id => cluster.GetGrain<ITrainingJobGrain>(id).GetAsync()));
        return TypedResults.Ok(new TrainingJobsResponse(jobs.OfType<TrainingJobStatus>().Where(j => j.Tenant == tenant).Select(ToDto).ToArray()));
    }

    private static async Task<IResult> GetAsync(string tenant, string id, IClusterClient cluster)
    {
        if (Check(tenant, id) is { } invalid)
        {
            return invalid;
        }

        var job = await cluster.GetGrain<ITrainingJobGrain>(id).GetAsync();
        return job is not null && job.Tenant == tenant ? TypedResults.Ok(ToDto(job)) : NotFound(tenant, id);
    }

    private static async Task<IResult> CancelAsync(string tenant, string id, IClusterClient cluster)
    {
        if (Check(tenant, id) is { } invalid)
        {
            return invalid;
        }

        var grain = cluster.GetGrain<ITrainingJobGrain>(id);
        var job = await grain.GetAsync();
        if (job is null || job.Tenant != tenant)
        {
            return NotFound(tenant, id);
        }

        return TypedResults.Ok(ToDto(await grain.CancelAsync()));
    }

    private static IResult? Check(string tenant, string id) => RouteIds.Check(("tenant", tenant), ("id", id));

    private static IResult NotFound(string tenant, string id) =>
        TypedResults.Problem(title: "No such job.", detail: $"Tenant '{tenant}' has no training job '{id}'.", statusCode: StatusCodes.Status404NotFound);

    private static TrainingJobDto ToDto(TrainingJobStatus job) => new(
        job.JobId, job.Model, job.VersionId, job.State.ToString().ToLowerInvariant(), job.Reason,
        job.Progress is { } p ? new TrainingProgressDto(p.Phase, p.Epoch, p.Step, p.TotalSteps, p.Loss, p.ValidationMacroF1) : null,
        job.Silo, job.Attempt, job.CreatedAt, job.StartedAt, job.FinishedAt);
}
