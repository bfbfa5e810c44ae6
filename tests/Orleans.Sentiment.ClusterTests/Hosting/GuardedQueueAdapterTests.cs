using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Sentiment.Hosting.Options;
using Orleans.Serialization;
using Orleans.Providers.Streams.Common;
using Orleans.Runtime;
using Orleans.Sentiment.Hosting.Streams;
using Orleans.Streams;

namespace Orleans.Sentiment.ClusterTests.Hosting;

public sealed class GuardedQueueAdapterTests
{
    private static readonly StreamId DottedStream = StreamId.Create("comments", "acme.corp/app.store");

    [Fact]
    public async Task QueueMessageBatch_StorageUnavailable_ThrowsWithoutPublishing()
    {
        var inner = new FakeAdapter();
        // No NATS listens there: a publish would fail naming JetStream, not the storage.
        await using var publisher = new JetStreamPublisher(new NatsSettings { Url = "nats://127.0.0.1:1" }, NullLogger<JetStreamPublisher>.Instance);
        var serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();
        var adapter = new GuardedQueueAdapter(inner, new FakeAvailability("Grain storage (Redis) is unreachable"), serializer, publisher);

        var failure = await Assert.ThrowsAsync<StreamPublishException>(() => adapter.QueueMessageBatchAsync(DottedStream, ["x"], null, null));

        Assert.StartsWith("Grain storage (Redis) is unreachable", failure.Message);
        Assert.Empty(inner.Published);
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

    private sealed class FakeAvailability(string? problem) : IIngestionAvailability
    {
        public ValueTask<string?> CheckAsync(CancellationToken cancellationToken = default) => ValueTask.FromResult(problem);
    }

    private sealed class FakeAdapter : IQueueAdapter
    {
        public List<StreamId> Published { get; } = [];

        public string Name => "fake";

        public bool IsRewindable => false;

        public StreamProviderDirection Direction => StreamProviderDirection.ReadWrite;

        public async Task QueueMessageBatchAsync<T>(StreamId streamId, IEnumerable<T> events, StreamSequenceToken? token, Dictionary<string, object>? requestContext)
        {
            // The provider's own publish: the guarded adapter must never take this path.
            await Task.Yield();
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
