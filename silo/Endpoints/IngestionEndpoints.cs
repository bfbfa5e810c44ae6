using Microsoft.Extensions.Options;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Grains;
using Orleans.Sentiment.Grains.Sources;
using Orleans.Sentiment.Grains.Telemetry;
using Orleans.Sentiment.Silo.Hosting;

namespace Orleans.Sentiment.Silo.Endpoints;

internal static class IngestionEndpoints
{
    public static void MapIngestion(this IEndpointRouteBuilder app) =>
        app.MapPost("/v1/tenants/{tenant}/sources/{source}/comments", IngestAsync);

    private static async Task<IResult> IngestAsync(
        string tenant, string source, HttpRequest request, IClusterClient cluster, IOptions<IngestionOptions> limits,
        CommentPublisher publisher, IHostApplicationLifetime lifetime, SentimentMetrics metrics, PipelineClock clock,
        CancellationToken cancellationToken)
    {
        if (Problems.CheckRoute(tenant, source) is { } invalidRoute)
        {
            return invalidRoute;
        }

        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(cancellationToken);
        var ndjson = request.ContentType?.StartsWith(IngestionParser.NdJsonContentType, StringComparison.OrdinalIgnoreCase) == true;
        var parsed = IngestionParser.Parse(body, ndjson, limits.Value);
        if (!parsed.IsValid)
        {
            return Problems.Invalid(parsed.Errors);
        }

        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return Problems.Unavailable("The silo is shutting down.", "Nothing of this batch was accepted; send it to another silo or retry later.", TimeSpan.FromSeconds(5));
        }

        var now = clock.UtcNow;
        var key = new SourceKey(tenant, source);
        var comments = parsed.Comments
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
