using Orleans.Sentiment.HttpApi;
using Orleans.Sentiment.Silo.Http.Ingestion;
using Orleans.Sentiment.Silo.Http.OpenApi;
using Orleans.Sentiment.Silo.Http.Parsing;

namespace Orleans.Sentiment.Silo.Http.Routes;

/// <summary><c>POST /v1/tenants/{tenant}/sources/{source}/comments</c>: a batch of comments, JSON or NDJSON.</summary>
internal static class IngestionRoutes
{
    public static void MapIngestion(this IEndpointRouteBuilder app) =>
        app.MapPost(ApiRoutes.Comments, IngestAsync)
            .WithName("IngestComments").WithTags("Ingestion")
            .WithSummary("Send comments: a JSON array or NDJSON; 202 once the whole batch is on the stream.")
            .Reads<IReadOnlyList<IncomingComment>>(ApiMediaTypes.Json, "application/json: an array of comments.")
            .Reads<IncomingComment>(ApiMediaTypes.NdJson, "application/x-ndjson: one comment per line.")
            .TakesHeader(ApiHeaders.IdempotencyKey, "Retry key: a retry with the same key (per tenant) gets the first answer and publishes nothing; comments without an id get one derived from it.", IdempotencyKey.MaxLength)
            .Answers<IngestResponse>(StatusCodes.Status202Accepted)
            .Fails(StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status429TooManyRequests, StatusCodes.Status503ServiceUnavailable);

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
