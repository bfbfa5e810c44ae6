using Orleans.Sentiment.HttpApi;
using Orleans.Sentiment.Silo.Http.Ingestion;
using Orleans.Sentiment.Silo.Http.Parsing;

namespace Orleans.Sentiment.Silo.Http.Routes;

/// <summary><c>POST /v1/tenants/{tenant}/sources/{source}/comments</c>: a batch of comments, JSON or NDJSON.</summary>
internal static class IngestionRoutes
{
    public static void MapIngestion(this IEndpointRouteBuilder app) =>
        app.MapPost(ApiRoutes.Comments, IngestAsync);

    private static async Task<IResult> IngestAsync(string tenant, string source, HttpRequest request, BatchIntake intake, CancellationToken cancellationToken)
    {
        if (RouteIds.Check(tenant, source) is { } invalidRoute)
        {
            return invalidRoute;
        }

        var ingest = await IngestionRequest.ReadAsync(request, tenant, source, cancellationToken);
        return ingest.Answer ?? await ingest.PublishAsync(comments => intake.PublishAsync(tenant, source, comments));
    }
}
