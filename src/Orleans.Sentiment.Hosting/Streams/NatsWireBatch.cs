using Orleans.Runtime;
using Orleans.Streams;

namespace Orleans.Sentiment.Hosting.Streams;

/// <summary>
/// The Orleans-serialized payload of a stream message, field for field the NATS provider's batch container
/// (<c>Orleans.Streaming.NATS.NatsBatchContainer</c>: same field ids and types), so the provider's receivers
/// deserialize it as their own. Serialized as the expected type, it carries no type name, only the fields.
/// The sequence token and reply subject stay null: the receiver fills them from the JetStream message.
/// </summary>
[GenerateSerializer, Alias("sentiment.NatsWireBatch")]
internal sealed class NatsWireBatch
{
    [Id(0)]
    public StreamId StreamId { get; init; }

    [Id(1)]
    public StreamSequenceToken? SequenceToken { get; init; }

    [Id(2)]
    public object[] Events { get; init; } = [];

    [Id(3)]
    public Dictionary<string, object>? RequestContext { get; init; }

    [Id(4)]
    public string? ReplyTo { get; init; }
}
