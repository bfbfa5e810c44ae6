using System.Text;
using System.Text.Json;
using Orleans.Runtime;
using Orleans.Serialization;

namespace Orleans.Sentiment.Hosting.Streams;

/// <summary>
/// One stream message exactly as the NATS provider publishes it, so its receivers read it: the subject
/// <c>{provider}.{namespace}.{key}</c> ("null" for an empty namespace; the stream partitions on those three tokens)
/// and the provider's <c>NatsStreamMessage</c> JSON, <c>{"sid":"{namespace}/{key}","p":"{base64 payload}"}</c>, whose
/// payload is the Orleans-serialized <see cref="NatsWireBatch"/>. The stream id must already be subject-safe
/// (<see cref="StreamKeys.ForWire"/>).
/// </summary>
internal readonly record struct NatsWireMessage(string Subject, byte[] Data)
{
    public static NatsWireMessage Create<T>(Serializer serializer, string provider, StreamId wireStreamId, IEnumerable<T> events, Dictionary<string, object>? requestContext)
    {
        var payload = serializer.SerializeToArray(new NatsWireBatch
        {
            StreamId = wireStreamId,
            Events = events.Cast<object>().ToArray(),
            RequestContext = requestContext,
        });
        return new NatsWireMessage(SubjectOf(provider, wireStreamId), Json(wireStreamId, payload));
    }

    public static string SubjectOf(string provider, StreamId wireStreamId)
    {
        var ns = wireStreamId.Namespace.IsEmpty ? "null" : Encoding.UTF8.GetString(wireStreamId.Namespace.Span);
        return $"{provider}.{ns}.{Encoding.UTF8.GetString(wireStreamId.Key.Span)}";
    }

    // The provider's JSON context leaves default members out (reply subject, sequence) and writes the rest in this order.
    private static byte[] Json(StreamId streamId, byte[] payload)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(payload.Length * 4 / 3 + 128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("sid", streamId.ToString());
            writer.WriteBase64String("p", payload);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}
