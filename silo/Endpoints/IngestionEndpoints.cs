using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Grains;
using Orleans.Sentiment.Grains.Sources;
using Orleans.Sentiment.Grains.Telemetry;
using Orleans.Streams;

namespace Orleans.Sentiment.Silo.Endpoints;

internal static class IngestionEndpoints
{
    public static void MapIngestion(this IEndpointRouteBuilder app) =>
        app.MapPost("/v1/tenants/{tenant}/sources/{source}/comments", IngestAsync);

    private static async Task<IResult> IngestAsync(
        string tenant, string source, HttpRequest request, IClusterClient cluster,
        SentimentMetrics metrics, PipelineClock clock, CancellationToken cancellationToken)
    {
        if (Problems.CheckRoute(tenant, source) is { } invalidRoute)
        {
            return invalidRoute;
        }

        var ingest = await IngestionRequest.ReadAsync(request, tenant, source, cancellationToken);
        return ingest.Answer ?? await ingest.PublishAsync(comments => PublishAsync(tenant, source, comments, cluster, metrics, clock));
    }

    private static async Task<IResult> PublishAsync(
        string tenant, string source, IReadOnlyList<IncomingComment> incoming, IClusterClient cluster, SentimentMetrics metrics, PipelineClock clock)
    {
        var now = clock.UtcNow;
        var comments = incoming
            .Select(c => new Comment(tenant, source, c.Id ?? CommentIds.New(), c.Text!, c.Timestamp ?? now))
            .ToList();
        var stream = cluster.GetStreamProvider(Constants.StreamProviderName)
            .GetStream<Comment>(StreamId.Create(Constants.CommentsNamespace, new SourceKey(tenant, source).ToString()));
        try
        {
            await stream.OnNextBatchAsync(comments);
        }
        catch (InvalidOperationException)
        {
            // The stream queue is full: nothing of this batch was accepted, so the caller can retry it whole.
            return TypedResults.Problem(
                title: "The comment stream is full.",
                detail: "Nothing of this batch was accepted; retry it later.",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        metrics.Ingested(comments.Count);
        return TypedResults.Accepted((string?)null, new IngestResponse(comments.Count, comments.Select(c => c.Id!).ToArray()));
    }
}
