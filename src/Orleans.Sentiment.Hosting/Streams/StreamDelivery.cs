using Orleans.Configuration;

namespace Orleans.Sentiment.Hosting.Streams;

/// <summary>How the pulling agents hand the comment stream to the source grains, for every stream profile.</summary>
internal static class StreamDelivery
{
    /// <summary>
    /// Stream messages (one per ingestion request, or per <c>Ingestion:StreamMessageBytes</c> of it) a source grain
    /// receives in one delivery. A source classifies, writes its state and completes once per delivery, so with one
    /// message each a client posting a few comments per request paid those steps per request and fed the model batches
    /// of two texts: 5-comment requests ran at 63 comments/s with one message per delivery and 84 with eight.
    /// </summary>
    public const int MessagesPerDelivery = 8;

    public static void Configure(StreamPullingAgentOptions options) => options.BatchContainerBatchSize = MessagesPerDelivery;
}
