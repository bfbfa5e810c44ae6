using Orleans.Providers.Streams.Common;
using Orleans.Runtime;
using Orleans.Streams;

namespace Orleans.Sentiment.Hosting.Streams;

/// <summary>
/// A batch read from NATS, as the pulling agent sees it: the original stream key (escaped on the wire) and a
/// sequence token that only grows on this receiver. JetStream redelivers an unacknowledged message with its old
/// stream sequence after newer ones were delivered (a silo died holding it, or a delivery failed); Orleans'
/// queue cache assumes tokens grow and would skip such a message, then acknowledge it unprocessed. A fresh token
/// makes the redelivery an ordinary new batch, and the source grain drops its comments already counted by id.
/// </summary>
[GenerateSerializer, Alias("sentiment.RestampedBatchContainer")]
internal sealed class RestampedBatchContainer : IBatchContainer
{
    public RestampedBatchContainer(IBatchContainer inner, StreamId streamId, EventSequenceTokenV2 sequenceToken)
    {
        Inner = inner;
        StreamId = streamId;
        Token = sequenceToken;
    }

    /// <summary>The provider's own container, handed back to it to acknowledge.</summary>
    [Id(0)]
    public IBatchContainer Inner { get; set; }

    [Id(1)]
    public StreamId StreamId { get; set; }

    [Id(2)]
    public EventSequenceTokenV2 Token { get; set; }

    public StreamSequenceToken SequenceToken => Token;

    public IEnumerable<Tuple<T, StreamSequenceToken>> GetEvents<T>() =>
        Inner.GetEvents<T>().Select((e, i) => Tuple.Create<T, StreamSequenceToken>(e.Item1, Token.CreateSequenceTokenForEvent(i)));

    public bool ImportRequestContext() => Inner.ImportRequestContext();

    public override string ToString() => $"[{StreamId} #{Token.SequenceNumber}: {Inner}]";
}
