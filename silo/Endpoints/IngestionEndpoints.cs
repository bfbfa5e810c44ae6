using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Grains;
using Orleans.Sentiment.Grains.Sources;
using Orleans.Sentiment.Grains.Telemetry;

namespace Orleans.Sentiment.Silo.Endpoints;

internal static class IngestionEndpoints
{
    public static void MapIngestion(this IEndpointRouteBuilder app) =>
        app.MapPost("/v1/tenants/{tenant}/sources/{source}/comments", IngestAsync);

    private static async Task<IResult> IngestAsync(
        string tenant, string source, HttpRequest request, IClusterClient cluster,
        CommentPublisher publisher, IHostApplicationLifetime lifetime, SentimentMetrics metrics, PipelineClock clock,
        CancellationToken cancellationToken)
    {
        if (Problems.CheckRoute(tenant, source) is { } invalidRoute)
        {
            return invalidRoute;
        }

        var ingest = await IngestionRequest.ReadAsync(request, tenant, source, cancellationToken);
        return ingest.Answer ?? await ingest.PublishAsync(comments => PublishAsync(tenant, source, comments, cluster, publisher, lifetime, metrics, clock));
    }

    private static async Task<IResult> PublishAsync(
        string tenant, string source, IReadOnlyList<IncomingComment> incoming, IClusterClient cluster,
        CommentPublisher publisher, IHostApplicationLifetime lifetime, SentimentMetrics metrics, PipelineClock clock)
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return Problems.Unavailable("The silo is shutting down.", "Nothing of this batch was accepted; send it to another silo or retry later.", TimeSpan.FromSeconds(5));
        }

        var now = clock.UtcNow;
        var key = new SourceKey(tenant, source);
        var comments = incoming
            .Select(c => new Comment(tenant, source, c.Id ?? CommentIds.New(), c.Text!, c.Timestamp ?? now))
            .ToList();
        var ledger = cluster.GetGrain<ITenantGrain>(tenant);
        var admission = await ledger.AdmitAsync(source, comments.Count);
        if (!admission.Admitted)
        {
            return Problems.Refused(admission);
        }

        var result = await publisher.PublishAsync(key, comments);
        if (result.Published < comments.Count)
        {
            await ledger.CompleteAsync(comments.Count - result.Published);
        }

        metrics.Ingested(result.Published);
        if (result.Failure is not null)
        {
            return Problems.PartlyPublished(result.Published, comments.Select(c => c.Id!).ToArray());
        }

        return TypedResults.Accepted((string?)null, new IngestResponse(comments.Count, comments.Select(c => c.Id!).ToArray()));
    }
}
