using Orleans.Runtime;

namespace Orleans.Sentiment.Hosting.Streams;

/// <summary>
/// A batch was not accepted by the comment stream: JetStream did not acknowledge the publish, or the grain
/// storage that would process it is unreachable. Nothing of the batch should be reported as accepted; the
/// ingestion route answers 503 and the client retries with the same ids. An <see cref="OrleansException"/>, which
/// the comment publisher treats as a refused stream message.
/// </summary>
public sealed class StreamPublishException(string message, Exception? inner = null) : OrleansException(message, inner!);
