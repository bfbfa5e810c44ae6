using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Hosting.Streams;
using Orleans.Serialization;
using Orleans.Streams;

namespace Orleans.Sentiment.ClusterTests.Hosting;

/// <summary>
/// The messages the guarded adapter publishes are the NATS provider's own: compared with what the installed
/// provider builds for the same batch, and read back with its batch container, so a provider update that changes
/// the wire format fails here instead of leaving messages no receiver can read.
/// </summary>
public sealed class NatsWireMessageTests
{
    private static readonly Assembly Provider = typeof(Orleans.Streaming.NATS.NatsOptions).Assembly;
    private static readonly StreamId WireStream = StreamKeys.ForWire(StreamId.Create(Constants.CommentsNamespace, "acme.corp/app.store"));
    private static readonly Comment[] Comments =
    [
        new("acme.corp", "app.store", "c1", "The app keeps crashing", new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.Zero)),
        new("acme.corp", "app.store", null, "Lovely", new DateTimeOffset(2026, 1, 2, 3, 4, 6, TimeSpan.Zero)),
    ];

    private readonly Serializer _serializer = new ServiceCollection().AddSerializer().BuildServiceProvider().GetRequiredService<Serializer>();

    [Fact]
    public void Create_SameBatch_BytesEqualTheProvidersOwnMessage()
    {
        var context = new Dictionary<string, object> { ["trace"] = "abc", ["attempt"] = 2 };

        var ours = NatsWireMessage.Create(_serializer, Constants.StreamProviderName, WireStream, Comments, context);

        Assert.Equal(Encoding(ProviderMessageJson(WireStream, Comments, context)), Encoding(ours.Data));
    }

    [Fact]
    public void Create_KeyWithDots_PublishesOnTheProvidersThreeTokenSubject()
    {
        var message = NatsWireMessage.Create(_serializer, Constants.StreamProviderName, WireStream, Comments, null);

        Assert.Equal("CommentStream.comments.acme%2Ecorp/app%2Estore", message.Subject);
    }

    [Fact]
    public void Create_EmptyNamespace_UsesTheProvidersNullToken() =>
        Assert.Equal("CommentStream.null.key", NatsWireMessage.SubjectOf(Constants.StreamProviderName, StreamId.Create("", "key")));

    [Fact]
    public void Payload_ReadWithTheProvidersBatchContainer_GivesTheStreamAndCommentsBack()
    {
        var message = NatsWireMessage.Create(_serializer, Constants.StreamProviderName, WireStream, Comments, null);
        var payload = JsonDocument.Parse(message.Data).RootElement.GetProperty("p").GetBytesFromBase64();

        var container = (IBatchContainer)typeof(Serializer).GetMethod(nameof(Serializer.Deserialize), [typeof(byte[])])!
            .MakeGenericMethod(Provider.GetType("Orleans.Streaming.NATS.NatsBatchContainer", throwOnError: true)!)
            .Invoke(_serializer, [payload])!;

        Assert.Equal(WireStream, container.StreamId);
        Assert.Equal(Comments, container.GetEvents<Comment>().Select(e => e.Item1));
    }

    /// <summary>The provider's message for the batch (its internal CreateMessage), as its JSON context writes it.</summary>
    private byte[] ProviderMessageJson(StreamId streamId, Comment[] events, Dictionary<string, object>? context)
    {
        var create = Provider.GetType("Orleans.Streaming.NATS.NatsAdapter", throwOnError: true)!
            .GetMethod("CreateMessage", BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(typeof(Comment));
        var message = create.Invoke(null, [_serializer, streamId, events, context])!;
        var json = (JsonSerializerContext)Provider.GetType("Orleans.Streaming.NATS.NatsSerializerContext", throwOnError: true)!
            .GetProperty("Default", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        return JsonSerializer.SerializeToUtf8Bytes(message, message.GetType(), json);
    }

    private static string Encoding(byte[] json) => System.Text.Encoding.UTF8.GetString(json);
}
