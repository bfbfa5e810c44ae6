using System.Text;
using Orleans.Runtime;

namespace Orleans.Sentiment.Hosting.Streams;

/// <summary>Escapes and restores the key of a stream id (see <see cref="SubjectSafeKey"/>).</summary>
internal static class StreamKeys
{
    public static StreamId ForWire(StreamId streamId)
    {
        var key = Encoding.UTF8.GetString(streamId.Key.Span);
        var escaped = SubjectSafeKey.Escape(key);
        return ReferenceEquals(escaped, key) ? streamId : StreamId.Create(Encoding.UTF8.GetString(streamId.Namespace.Span), escaped);
    }

    public static StreamId FromWire(StreamId streamId)
    {
        var key = Encoding.UTF8.GetString(streamId.Key.Span);
        var restored = SubjectSafeKey.Unescape(key);
        return ReferenceEquals(restored, key) ? streamId : StreamId.Create(Encoding.UTF8.GetString(streamId.Namespace.Span), restored);
    }
}
