using System.Text;
using Orleans.Sentiment.Contracts;

namespace Orleans.Sentiment.Grains.Ingestion;

/// <summary>
/// Splits a batch of comments into stream messages, in order, each at most a given number of bytes and of text
/// characters (the model's work grows with the text, so a message of long comments holds fewer of them).
/// </summary>
public static class StreamMessageBudget
{
    /// <summary>Per-comment overhead of the serialized envelope (type ids, field tags, timestamp, tenant and source).</summary>
    private const int EnvelopeBytes = 96;

    public static int EstimateBytes(int textBytes, int idBytes) => textBytes + idBytes + EnvelopeBytes + (2 * 64 * 3);

    public static int EstimateBytes(Comment comment) =>
        Encoding.UTF8.GetByteCount(comment.Text) + Encoding.UTF8.GetByteCount(comment.Id ?? "")
        + Encoding.UTF8.GetByteCount(comment.Tenant) + Encoding.UTF8.GetByteCount(comment.Source) + EnvelopeBytes;

    public static IEnumerable<List<Comment>> Split(IReadOnlyList<Comment> comments, int maxBytes, int maxTextChars = int.MaxValue)
    {
        var message = new List<Comment>();
        var bytes = 0;
        var chars = 0;
        foreach (var comment in comments)
        {
            var size = EstimateBytes(comment);
            if (message.Count > 0 && (bytes + size > maxBytes || chars + comment.Text.Length > maxTextChars))
            {
                yield return message;
                message = [];
                bytes = 0;
                chars = 0;
            }

            message.Add(comment);
            bytes += size;
            chars += comment.Text.Length;
        }

        if (message.Count > 0)
        {
            yield return message;
        }
    }
}
