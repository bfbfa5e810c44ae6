using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Grains;
using Orleans.Sentiment.Grains.Telemetry;
using Orleans.Sentiment.HttpApi;
using Orleans.Sentiment.Silo.Http.Responses;

namespace Orleans.Sentiment.Silo.Http.Ingestion;

/// <summary>
/// A valid batch's way onto the stream: refused while the silo stops, admitted by the tenant's ledger (429/503
/// otherwise), then published; comments that did not go out are handed back to the ledger, and the answer says how
/// many did.
/// </summary>
internal sealed class BatchIntake(
    IClusterClient cluster, CommentPublisher publisher, IHostApplicationLifetime lifetime, SentimentMetrics metrics, PipelineClock clock)
{
    /// <summary>Admits and publishes a request's comments, which carry their ids already (<see cref="IngestionRequest"/> assigns them).</summary>
    public async Task<IResult> PublishAsync(string tenant, string source, IReadOnlyList<IncomingComment> incoming)
    {
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return Problems.Unavailable("The silo is shutting down.", "Nothing of this batch was accepted; send it to another silo or retry later.", TimeSpan.FromSeconds(5));
        }

        var now = clock.UtcNow;
        var key = new SourceKey(tenant, source);
        var comments = incoming
            .Select(c => new Comment(tenant, source, c.Id!, c.Text!, c.Timestamp ?? now))
            .ToList();
        var ids = comments.Select(c => c.Id!).ToArray();
        var ledger = cluster.GetGrain<ITenantAdmissionGrain>(tenant);
        Admission admission;
        try
        {
            admission = await ledger.AdmitAsync(source, ids);
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            // The silo holding the tenant's ledger is gone or unreachable (a crash, a restart): nothing was accepted.
            return Problems.Unavailable("The cluster cannot admit comments right now.", $"Nothing of this batch was accepted ({e.GetType().Name}); retry it later.", TimeSpan.FromSeconds(2));
        }

        if (!admission.Admitted)
        {
            return Problems.Refused(admission);
        }

        // Messages go out in order and publishing stops at the first failure: the comments after the published ones never left.
        var result = await publisher.PublishAsync(key, comments);
        if (result.Published < comments.Count)
        {
            await ReturnToLedgerAsync(ledger, source, ids[result.Published..]);
        }

        metrics.Ingested(result.Published);
        if (result.Failure is not null)
        {
            return Problems.PartlyPublished(result.Published, ids, result.Failure.Message);
        }

        return TypedResults.Accepted((string?)null, new IngestResponse(comments.Count, ids));
    }

    private static async Task ReturnToLedgerAsync(ITenantAdmissionGrain ledger, string source, string[] unpublished)
    {
        try
        {
            await ledger.CompleteAsync(source, unpublished, completed: false);
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            // The admission expires in the ledger instead (Ingestion:InFlightTimeout).
        }
    }
}
