using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Streams;

namespace Orleans.Sentiment.Hosting.Streams;

/// <summary>
/// Wraps the NATS queue adapter. Publishing does not go through the provider, which learns of a refused JetStream
/// publish only in a log line: this adapter publishes the provider's own wire format itself (<see cref="NatsWireMessage"/>)
/// and throws <see cref="StreamPublishException"/> unless JetStream acknowledged it (<see cref="JetStreamPublisher"/>).
/// It refuses batches while grain storage is unreachable, keeps stream keys that hold '.' on a subject the consumers
/// read, and receives through the provider.
/// </summary>
internal sealed class GuardedQueueAdapter(IQueueAdapter inner, IIngestionAvailability availability, Serializer serializer, JetStreamPublisher publisher) : IQueueAdapter
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

        await publisher.PublishAsync(NatsWireMessage.Create(serializer, inner.Name, StreamKeys.ForWire(streamId), events, requestContext));
    }

    public IQueueAdapterReceiver CreateReceiver(QueueId queueId) => new GuardedQueueAdapterReceiver(inner.CreateReceiver(queueId));
}
