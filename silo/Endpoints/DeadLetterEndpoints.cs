using Orleans.Sentiment.Contracts;

namespace Orleans.Sentiment.Silo.Endpoints;

/// <summary>A tenant's dead letters: accepted comments that could not be classified, with the reason, newest first.</summary>
internal static class DeadLetterEndpoints
{
    private const int DefaultLimit = 20;
    private const int MaxLimit = 1_000;

    public static void MapDeadLetters(this IEndpointRouteBuilder app) =>
        app.MapGet("/v1/tenants/{tenant}/dead-letters", GetAsync);

    private static async Task<IResult> GetAsync(string tenant, string? limit, IClusterClient cluster)
    {
        if (Problems.CheckRoute(tenant) is { } invalidRoute)
        {
            return invalidRoute;
        }

        if (Limits.Check(limit, MaxLimit, "at most 1000 per request", out var count) is { } invalid)
        {
            return invalid;
        }

        var page = await cluster.GetGrain<IDeadLetterGrain>(tenant).GetAsync(count ?? DefaultLimit);
        return TypedResults.Ok(new DeadLettersResponse(page.Total, page.Items));
    }
}
