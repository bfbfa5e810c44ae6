using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Grains;
using Orleans.Sentiment.Grains.Ingestion;
using Orleans.Sentiment.Grains.Telemetry;
using Orleans.Sentiment.Hosting.Streams;
using Orleans.Streams;

namespace Orleans.Sentiment.Silo.Http.Ingestion;

/// <summary>
/// Puts an admitted batch on the source's stream as messages under Ingestion:StreamMessageBytes and
/// <see cref="StreamDelivery.MaxTextCharsPerMessage"/>, so a large batch reaches its source in deliveries of bounded
/// work, like any other. Publishing stops at
/// the first failure; the caller learns how many comments went out, so it can return the rest to the tenant ledger
/// and tell the client which ids to re-send (re-sending all of them is safe: sources deduplicate by id). Each message
/// is one "publish" span (JetStream's acknowledgement included), and its comments carry that span's context to the
/// source grain.
/// </summary>
internal sealed class CommentPublisher(IClusterClient cluster, IOptions<IngestionOptions> options)
{
    public async Task<PublishResult> PublishAsync(SourceKey key, IReadOnlyList<Comment> comments)
    {
        var stream = cluster.GetStreamProvider(Constants.StreamProviderName)
            .GetStream<Comment>(StreamId.Create(Constants.CommentsNamespace, key.ToString()));
        var published = 0;
        foreach (var message in StreamMessageBudget.Split(comments, options.Value.StreamMessageBytes, StreamDelivery.MaxTextCharsPerMessage))
        {
            using var span = PipelineSpans.StartPublish(key, message.Count);
            try
            {
                await stream.OnNextBatchAsync(PipelineSpans.Stamp(message, span));
            }
            catch (Exception e) when (e is InvalidOperationException or OrleansException or TimeoutException)
            {
                PipelineSpans.MarkFailed(span, e);
                // A full queue (memory streams) or an unreachable stream: what was published stays published.
                return new PublishResult(published, e);
            }

            published += message.Count;
        }

        return new PublishResult(published, null);
    }

    public sealed record PublishResult(int Published, Exception? Failure);
}
