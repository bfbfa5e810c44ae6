using Orleans.Providers.Streams.Common;
using Orleans.Streams;

namespace Orleans.Sentiment.Hosting.Streams;

/// <summary>
/// Wraps the NATS receiver: every batch gets the original stream key and a receiver-local growing sequence
/// token (see <see cref="RestampedBatchContainer"/>); the provider gets its own containers back to acknowledge.
/// Tokens start from the clock so a queue that moves to another silo keeps growing.
/// </summary>
internal sealed class GuardedQueueAdapterReceiver(IQueueAdapterReceiver inner) : IQueueAdapterReceiver
{
    private long _sequence = DateTime.UtcNow.Ticks;

    public Task Initialize(TimeSpan timeout) => inner.Initialize(timeout, CancellationToken.None);

    public Task Initialize(TimeSpan timeout, CancellationToken cancellationToken) => inner.Initialize(timeout, cancellationToken);

    public Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount) => GetQueueMessagesAsync(maxCount, CancellationToken.None);

    public async Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount, CancellationToken cancellationToken)
    {
        var messages = await inner.GetQueueMessagesAsync(maxCount, cancellationToken);
        var restamped = new List<IBatchContainer>(messages.Count);
        foreach (var message in messages)
        {
            var token = new EventSequenceTokenV2(Interlocked.Increment(ref _sequence));
            restamped.Add(new RestampedBatchContainer(message, StreamKeys.FromWire(message.StreamId), token));
        }

        return restamped;
    }

    public Task MessagesDeliveredAsync(IList<IBatchContainer> messages) => MessagesDeliveredAsync(messages, CancellationToken.None);

    public Task MessagesDeliveredAsync(IList<IBatchContainer> messages, CancellationToken cancellationToken) =>
        inner.MessagesDeliveredAsync(messages.Select(m => m is RestampedBatchContainer restamped ? restamped.Inner : m).ToList(), cancellationToken);

    public Task Shutdown(TimeSpan timeout) => inner.Shutdown(timeout, CancellationToken.None);

    public Task Shutdown(TimeSpan timeout, CancellationToken cancellationToken) => inner.Shutdown(timeout, cancellationToken);
}
