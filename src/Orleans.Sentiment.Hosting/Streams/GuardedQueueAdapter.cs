using Orleans.Runtime;
using Orleans.Streams;

namespace Orleans.Sentiment.Hosting.Streams;

/// <summary>
/// Wraps the NATS queue adapter so a publish either is acknowledged by JetStream or throws
/// <see cref="StreamPublishException"/> (the provider itself only logs a failed publish), refuses batches while
/// grain storage is unreachable, and keeps stream keys that hold '.' on a subject the consumers read.
/// </summary>
internal sealed class GuardedQueueAdapter(IQueueAdapter inner, IIngestionAvailability availability) : IQueueAdapter
{
    public string Name => inner.Name;

    public bool IsRewindable => inner.IsRewindable;

    public StreamProviderDirection Direction => inner.Direction;

    public async Task QueueMessageBatchAsync<T>(StreamId streamId, IEnumerable<T> events, StreamSequenceToken? token, Dictionary<string, object>? requestContext)
    {
        if (await availability.CheckAsync() is { } unavailable)
        {
            throw new StreamPublishException(unavailable);
        }

        using var scope = PublishAcknowledgement.Begin();
        try
        {
            await inner.QueueMessageBatchAsync(StreamKeys.ForWire(streamId), events, token, requestContext);
        }
        catch (Exception e)
        {
            throw new StreamPublishException($"The comment stream rejected the batch ({e.GetType().Name}).", e);
        }

        if (scope.Acknowledgement.Failed)
        {
            throw new StreamPublishException("JetStream did not acknowledge the batch.", scope.Acknowledgement.Failure);
        }
    }

    public IQueueAdapterReceiver CreateReceiver(QueueId queueId) => new GuardedQueueAdapterReceiver(inner.CreateReceiver(queueId));
}
