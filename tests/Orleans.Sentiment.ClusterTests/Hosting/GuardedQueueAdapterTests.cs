using System.Text;
using Microsoft.Extensions.Logging;
using Orleans.Providers.Streams.Common;
using Orleans.Runtime;
using Orleans.Sentiment.Hosting.Streams;
using Orleans.Streams;

namespace Orleans.Sentiment.ClusterTests.Hosting;

public sealed class GuardedQueueAdapterTests
{
    private static readonly StreamId DottedStream = StreamId.Create("comments", "acme.corp/app.store");

    [Fact]
    public async Task QueueMessageBatch_ProviderLogsFailedPublish_ThrowsStreamPublishException()
    {
        var inner = new FakeAdapter { LogFailure = true };
        var adapter = new GuardedQueueAdapter(inner, new FakeAvailability(null));

        var failure = await Assert.ThrowsAsync<StreamPublishException>(() => adapter.QueueMessageBatchAsync(DottedStream, ["x"], null, null));

        Assert.Contains("JetStream did not acknowledge", failure.Message);
    }

    [Fact]
    public async Task QueueMessageBatch_Acknowledged_PublishesUnderAnEscapedKey()
    {
        var inner = new FakeAdapter();
        var adapter = new GuardedQueueAdapter(inner, new FakeAvailability(null));

        await adapter.QueueMessageBatchAsync(DottedStream, ["x"], null, null);

        var published = Assert.Single(inner.Published);
        Assert.DoesNotContain('.', Encoding.UTF8.GetString(published.Key.Span));
    }

    [Fact]
    public async Task QueueMessageBatch_StorageUnavailable_ThrowsWithoutPublishing()
    {
        var inner = new FakeAdapter();
        var adapter = new GuardedQueueAdapter(inner, new FakeAvailability("Grain storage (Redis) is unreachable"));

        var failure = await Assert.ThrowsAsync<StreamPublishException>(() => adapter.QueueMessageBatchAsync(DottedStream, ["x"], null, null));

        Assert.Contains("Redis", failure.Message);
        Assert.Empty(inner.Published);
    }

    [Fact]
    public async Task QueueMessageBatch_FailureLoggedInAnotherFlow_DoesNotFailThisPublish()
    {
        var inner = new FakeAdapter();
        var adapter = new GuardedQueueAdapter(inner, new FakeAvailability(null));
        ProviderLogger.LogError(new EventId(PublishFailureLoggerProvider.FailedToEnqueueEventId), "unrelated failure");

        await adapter.QueueMessageBatchAsync(DottedStream, ["x"], null, null);

        Assert.Single(inner.Published);
    }

    [Fact]
    public async Task Receiver_RedeliveredOlderMessage_GetsAGrowingTokenAndItsKeyBack()
    {
        var wireStream = StreamKeys.ForWire(DottedStream);
        var newer = new FakeContainer(wireStream, new EventSequenceTokenV2(20));
        var redelivered = new FakeContainer(wireStream, new EventSequenceTokenV2(10));
        var inner = new FakeReceiver([newer, redelivered]);
        var receiver = new GuardedQueueAdapterReceiver(inner);

        var read = await receiver.GetQueueMessagesAsync(10, CancellationToken.None);
        await receiver.MessagesDeliveredAsync(read, CancellationToken.None);

        Assert.All(read, m => Assert.Equal(DottedStream, m.StreamId));
        Assert.True(read[1].SequenceToken.Newer(read[0].SequenceToken), "a redelivered message must not look older than what was delivered");
        Assert.Equal<IBatchContainer>([newer, redelivered], inner.Delivered);
    }

    private static readonly ILogger ProviderLogger = new PublishFailureLoggerProvider().CreateLogger(PublishFailureLoggerProvider.Category);

    private sealed class FakeAvailability(string? problem) : IIngestionAvailability
    {
        public ValueTask<string?> CheckAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(problem);
    }

    private sealed class FakeAdapter : IQueueAdapter
    {
        public bool LogFailure { get; init; }

        public List<StreamId> Published { get; } = [];

        public string Name => "fake";

        public bool IsRewindable => false;

        public StreamProviderDirection Direction => StreamProviderDirection.ReadWrite;

        public async Task QueueMessageBatchAsync<T>(StreamId streamId, IEnumerable<T> events, StreamSequenceToken? token, Dictionary<string, object>? requestContext)
        {
            // Like the NATS provider: awaits the publish, then only logs when JetStream refused it.
            await Task.Yield();
            if (LogFailure)
            {
                ProviderLogger.LogError(new EventId(PublishFailureLoggerProvider.FailedToEnqueueEventId), new InvalidOperationException("no ack"), "Failed to enqueue NATS message");
                return;
            }

            Published.Add(streamId);
        }

        public IQueueAdapterReceiver CreateReceiver(QueueId queueId) => throw new NotSupportedException();
    }

    private sealed class FakeReceiver(IList<IBatchContainer> messages) : IQueueAdapterReceiver
    {
        public List<IBatchContainer> Delivered { get; } = [];

        public Task Initialize(TimeSpan timeout) => Task.CompletedTask;

        public Task<IList<IBatchContainer>> GetQueueMessagesAsync(int maxCount) => Task.FromResult(messages);

        public Task MessagesDeliveredAsync(IList<IBatchContainer> delivered)
        {
            Delivered.AddRange(delivered);
            return Task.CompletedTask;
        }

        public Task Shutdown(TimeSpan timeout) => Task.CompletedTask;
    }

    private sealed class FakeContainer(StreamId streamId, StreamSequenceToken token) : IBatchContainer
    {
        public StreamId StreamId => streamId;

        public StreamSequenceToken SequenceToken => token;

        public IEnumerable<Tuple<T, StreamSequenceToken>> GetEvents<T>() => [];

        public bool ImportRequestContext() => false;
    }
}
