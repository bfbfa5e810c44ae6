using System.Diagnostics;
using Orleans.Sentiment.Inference;
using static Orleans.Sentiment.Grains.Telemetry.SentimentTracing;

namespace Orleans.Sentiment.Grains.Telemetry;

/// <summary>
/// One "model call" span per run of the models by the batching service. A model call serves texts of many classifier
/// calls, from many requests and tenants, so it belongs to none of their traces: it starts its own, links to the
/// classify span of every call it served, and each of those gets a link back, so a slow comment's trace leads to the
/// model calls (their batch size and duration) its texts waited for.
/// </summary>
internal sealed class ModelCallSpans(IEnumerable<string> models)
{
    private readonly string[] _models = [.. models];

    public void Record(InferenceBatchStats batch)
    {
        if (!Source.HasListeners())
        {
            return;
        }

        var ended = DateTimeOffset.UtcNow;
        // The workers carry no span of their own: whatever is current on this thread is no parent of the call.
        Activity.Current = null;
        using var span = Source.StartActivity(ModelCallSpan, ActivityKind.Internal, default(ActivityContext),
            [new(ModelsTag, _models), new(BatchSizeTag, batch.Texts), new(BatchPaddedTokensTag, batch.PaddedTokens), new(BatchCallersTag, batch.Callers.Count)],
            batch.Callers.Select(c => new ActivityLink(c.Context)),
            ended - batch.Elapsed);
        if (span is null)
        {
            return;
        }

        span.SetEndTime(ended.UtcDateTime);
        foreach (var caller in batch.Callers)
        {
            caller.AddLink(new ActivityLink(span.Context));
        }
    }
}
