using Microsoft.Extensions.Options;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Grains;
using Orleans.Sentiment.HttpApi;
using Orleans.Sentiment.Silo.Http.OpenApi;
using Orleans.Sentiment.Silo.Http.Parsing;
using Orleans.Sentiment.Silo.Http.Responses;

namespace Orleans.Sentiment.Silo.Http.Routes;

/// <summary>A tenant's sources, and each source's window and recent comments.</summary>
internal static class SourceRoutes
{
    private const int DefaultLimit = 20;

    public static void MapSources(this IEndpointRouteBuilder app)
    {
        app.MapGet(ApiRoutes.Sources, GetSourcesAsync)
            .WithName("ListSources").WithTags("Sources").WithSummary("The tenant's sources, sorted.")
            .Answers<SourcesResponse>(StatusCodes.Status200OK);
        app.MapGet(ApiRoutes.Window, GetWindowAsync)
            .WithName("GetWindow").WithTags("Sources").WithSummary("The source's rolling window: counts per label, negative share, alerting.")
            .Answers<WindowDto>(StatusCodes.Status200OK);
        app.MapGet(ApiRoutes.Comments, GetCommentsAsync)
            .WithName("ListComments").WithTags("Sources").WithSummary("The source's recent comments with their predictions, newest first.")
            .TakesLimit("Sentiment:RecentCapacity")
            .Answers<CommentsResponse>(StatusCodes.Status200OK);
    }

    private static async Task<IResult> GetSourcesAsync(string tenant, IClusterClient cluster) =>
        RouteIds.Check(tenant) ?? TypedResults.Ok(new SourcesResponse(await cluster.GetGrain<ITenantAdmissionGrain>(tenant).GetSourcesAsync()));

    private static async Task<IResult> GetWindowAsync(string tenant, string source, IClusterClient cluster) =>
        RouteIds.Check(tenant, source) ?? TypedResults.Ok((await SourceGrain(cluster, tenant, source).GetWindowAsync()).ToDto());

    private static async Task<IResult> GetCommentsAsync(string tenant, string source, string? limit, IClusterClient cluster, IOptions<SentimentOptions> options)
    {
        if (RouteIds.Check(tenant, source) is { } invalidRoute)
        {
            return invalidRoute;
        }

        if (LimitQuery.Check(limit, options.Value.RecentCapacity, "Sentiment:RecentCapacity", out var count) is { } invalid)
        {
            return invalid;
        }

        var recent = await SourceGrain(cluster, tenant, source).GetRecentAsync(count ?? DefaultLimit);
        return TypedResults.Ok(new CommentsResponse(recent.Select(c => c.ToDto()).ToArray()));
    }

    public static IFeedbackSourceGrain SourceGrain(IClusterClient cluster, string tenant, string source) =>
        cluster.GetGrain<IFeedbackSourceGrain>(new SourceKey(tenant, source).ToString());
}
