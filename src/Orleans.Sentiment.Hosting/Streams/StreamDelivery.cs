using Orleans.Configuration;

namespace Orleans.Sentiment.Hosting.Streams;

/// <summary>How the pulling agents hand the comment stream to the source grains, for every stream profile.</summary>
public static class StreamDelivery
{
    /// <summary>
    /// Stream messages (one per ingestion request, or per <c>Ingestion:StreamMessageBytes</c> of it) a source grain
    /// receives in one delivery. A source classifies, writes its state and completes once per delivery, so with one
    /// message each a client posting a few comments per request paid those steps per request and fed the model batches
    /// of two texts: 5-comment requests ran at 63 comments/s with one message per delivery and 84 with eight.
    /// </summary>
    public const int MessagesPerDelivery = 8;

    /// <summary>
    /// Most characters of comment text in one stream message (a longer comment travels alone). A source completes a
    /// delivery only when all of it is classified, and a delivery that outlives the grain response timeout or
    /// JetStream's ack wait (30 s each) is delivered again; 8 messages of this much text are about 15 s of a 2-core
    /// CPU's work even on comments of a few hundred tokens, where a batch of 1,000 such comments in one delivery was minutes.
    /// </summary>
    public const int MaxTextCharsPerMessage = 16_000;

    public static void Configure(StreamPullingAgentOptions options) => options.BatchContainerBatchSize = MessagesPerDelivery;
}
