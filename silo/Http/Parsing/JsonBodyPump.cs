using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;

namespace Orleans.Sentiment.Silo.Http.Parsing;

/// <summary>Receives the tokens of a JSON body one at a time; see <see cref="JsonBodyPump"/>.</summary>
internal interface IJsonTokenHandler
{
    /// <returns>False to stop reading the body.</returns>
    bool OnToken(ref Utf8JsonReader reader);

    /// <summary>The body is not well-formed JSON (or not valid UTF-8 outside strings); reading has stopped.</summary>
    void OnMalformed(JsonException error);

    /// <summary>A single token (a string, say) is longer than any acceptable value; reading has stopped.</summary>
    void OnTokenTooLarge(long maxTokenBytes);
}

/// <summary>How reading a body ended.</summary>
internal enum BodyReadOutcome
{
    /// <summary>The whole body was read (or the handler stopped early, or it was malformed: the handler knows).</summary>
    Read,

    /// <summary>The body is larger than the allowed number of bytes: answer 413.</summary>
    TooLarge,
}

/// <summary>
/// Reads a request body incrementally with <see cref="Utf8JsonReader"/> and hands each token to a handler, so
/// memory stays bounded by the largest single token, never by the body, and reading can stop as soon as the
/// handler has seen enough (say, one element past the batch limit). A leading UTF-8 byte-order mark is skipped.
/// </summary>
internal static class JsonBodyPump
{
    public const int MaxDepth = 8;

    public static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = MaxDepth, CommentHandling = JsonCommentHandling.Disallow };

    public static async Task<BodyReadOutcome> RunAsync(PipeReader body, IJsonTokenHandler handler, long maxBodyBytes, long maxTokenBytes, CancellationToken cancellationToken)
    {
        var state = new JsonReaderState(ReaderOptions);
        var reader = new BodyChunkReader(body, maxBodyBytes);
        while (true)
        {
            if (await reader.ReadAsync(cancellationToken) is not { } chunk)
            {
                return BodyReadOutcome.TooLarge;
            }

            var buffer = chunk.Buffer;

            long consumed;
            bool keepReading;
            try
            {
                (consumed, keepReading) = Feed(buffer, chunk.IsCompleted, ref state, handler);
            }
            catch (JsonException e)
            {
                handler.OnMalformed(e);
                body.AdvanceTo(buffer.End);
                return BodyReadOutcome.Read;
            }

            // The buffer's segments go back to the pipe on AdvanceTo: measure what is left of it before.
            var unconsumed = buffer.Length - consumed;
            body.AdvanceTo(buffer.GetPosition(consumed), buffer.End);
            reader.Consumed += consumed;
            if (!keepReading || chunk.IsCompleted)
            {
                return BodyReadOutcome.Read;
            }

            if (unconsumed > maxTokenBytes)
            {
                handler.OnTokenTooLarge(maxTokenBytes);
                return BodyReadOutcome.Read;
            }
        }
    }

    private static (long Consumed, bool KeepReading) Feed(ReadOnlySequence<byte> buffer, bool isFinalBlock, ref JsonReaderState state, IJsonTokenHandler handler)
    {
        var reader = new Utf8JsonReader(buffer, isFinalBlock, state);
        var keepReading = true;
        while (keepReading && reader.Read())
        {
            keepReading = handler.OnToken(ref reader);
        }

        state = reader.CurrentState;
        return (reader.BytesConsumed, keepReading);
    }
}
