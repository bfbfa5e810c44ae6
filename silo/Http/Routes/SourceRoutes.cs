using Microsoft.Extensions.Options;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Grains;
using Orleans.Sentiment.HttpApi;
using Orleans.Sentiment.Silo.Http.Parsing;
using Orleans.Sentiment.Silo.Http.Responses;

namespace Orleans.Sentiment.Silo.Http.Routes;

/// <summary>A tenant's sources, and each source's window and recent comments.</summary>
internal static class SourceRoutes
{
    private const int DefaultLimit = 20;

    public static void MapSources(this IEndpointRouteBuilder app)
    {
        app.MapGet(ApiRoutes.Sources, GetSourcesAsync);
        app.MapGet(ApiRoutes.Window, GetWindowAsync);
        app.MapGet(ApiRoutes.Comments, GetCommentsAsync);
    }

    private static async Task<IResult> GetSourcesAsync(string tenant, IClusterClient cluster) =>
        RouteIds.Check(tenant) ?? TypedResults.Ok(new SourcesResponse(await cluster.GetGrain<ITenantGrain>(tenant).GetSourcesAsync()));

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
