using Microsoft.Extensions.Options;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Grains;
using Orleans.Sentiment.Grains.Sources;
using Orleans.Sentiment.Grains.Telemetry;
using Orleans.Sentiment.Hosting.Streams;
using Orleans.Sentiment.Silo.Hosting;
using Orleans.Streams;

namespace Orleans.Sentiment.Silo.Endpoints;

internal static class IngestionEndpoints
{
    public static void MapIngestion(this IEndpointRouteBuilder app) =>
        app.MapPost("/v1/tenants/{tenant}/sources/{source}/comments", IngestAsync);

    private static async Task<IResult> IngestAsync(
        string tenant, string source, HttpRequest request, IClusterClient cluster, IOptions<IngestionOptions> limits,
        SentimentMetrics metrics, PipelineClock clock, CancellationToken cancellationToken)
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

        var now = clock.UtcNow;
        var comments = parsed.Comments
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
        catch (StreamPublishException e)
        {
            // Not acknowledged by the stream (or storage is down): the caller retries the whole batch with the same ids.
            return TypedResults.Problem(title: "The comment stream did not accept the batch.", detail: e.Message, statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        metrics.Ingested(comments.Count);
        return TypedResults.Accepted((string?)null, new IngestResponse(comments.Count, comments.Select(c => c.Id!).ToArray()));
    }
}
