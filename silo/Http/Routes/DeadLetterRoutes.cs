using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.HttpApi;
using Orleans.Sentiment.Silo.Http.OpenApi;
using Orleans.Sentiment.Silo.Http.Parsing;
using Orleans.Sentiment.Silo.Http.Responses;

namespace Orleans.Sentiment.Silo.Http.Routes;

/// <summary>A tenant's dead letters: accepted comments that could not be classified, with the reason, newest first.</summary>
internal static class DeadLetterRoutes
{
    private const int DefaultLimit = 20;
    private const int MaxLimit = 1_000;

    public static void MapDeadLetters(this IEndpointRouteBuilder app) =>
        app.MapGet(ApiRoutes.DeadLetters, GetAsync)
            .WithName("ListDeadLetters").WithTags("Dead letters").WithSummary("Accepted comments that could not be classified, with the reason, newest first.")
            .TakesLimit("1000")
            .Answers<DeadLettersResponse>(StatusCodes.Status200OK);

    private static async Task<IResult> GetAsync(string tenant, string? limit, IClusterClient cluster)
    {
        if (RouteIds.Check(tenant) is { } invalidRoute)
        {
            return invalidRoute;
        }

        if (LimitQuery.Check(limit, MaxLimit, "at most 1000 per request", out var count) is { } invalid)
        {
            return invalid;
        }

        var page = await cluster.GetGrain<IDeadLetterGrain>(tenant).GetAsync(count ?? DefaultLimit);
        return TypedResults.Ok(new DeadLettersResponse(page.Total, page.Items.Select(d => d.ToDto()).ToArray()));
    }
}
