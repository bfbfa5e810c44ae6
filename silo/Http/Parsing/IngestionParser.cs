using System.Buffers;
using System.IO.Pipelines;
using System.Text.Json;
using Orleans.Sentiment.Grains;
using Orleans.Sentiment.Grains.Sources;
using Orleans.Sentiment.HttpApi;

namespace Orleans.Sentiment.Silo.Http.Parsing;

/// <summary>
/// Parses and validates an ingestion body (JSON array or NDJSON) as it streams in. All of it is valid, or nothing
/// is accepted. Reading stops at the first element past <c>Ingestion:MaxBatchSize</c>, at a syntax error, or at a
/// single value longer than any acceptable one, so a hostile body costs bounded time and memory, and the answer
/// lists at most <see cref="ErrorList.MaxEntries"/> fields.
/// </summary>
internal static class IngestionParser
{
    public sealed record Result(IReadOnlyList<IncomingComment> Comments, ErrorList Errors, bool TooLarge)
    {
        public bool IsValid => !TooLarge && !Errors.Any;
    }

    public static async Task<Result> ParseAsync(PipeReader body, bool ndjson, long maxBodyBytes, IngestionOptions limits, CancellationToken cancellationToken)
    {
        var errors = new ErrorList();
        var comments = new List<(IncomingComment Comment, FieldPath Path)>();
        var maxValueBytes = MaxValueBytes(limits);
        var outcome = ndjson
            ? await ReadNdJsonAsync(body, comments, errors, maxBodyBytes, maxValueBytes, limits, cancellationToken)
            : await JsonBodyPump.RunAsync(body, new ArrayHandler(comments, errors, limits), maxBodyBytes, maxValueBytes, cancellationToken);
        if (outcome == BodyReadOutcome.TooLarge)
        {
            return new Result([], errors, TooLarge: true);
        }

        if (!errors.Any)
        {
            Validate(comments, errors, limits);
        }

        return new Result(comments.ConvertAll(c => c.Comment), errors, TooLarge: false);
    }

    /// <summary>
    /// The longest single JSON value worth buffering: a text of <c>MaxTextLength</c> characters written with
    /// six-byte <c>\uXXXX</c> escapes, plus an id and room for the rest of a comment.
    /// </summary>
    public static long MaxValueBytes(IngestionOptions limits) => 6L * (limits.MaxTextLength + limits.MaxIdLength) + 1024;

    private static async Task<BodyReadOutcome> ReadNdJsonAsync(
        PipeReader body, List<(IncomingComment, FieldPath)> comments, ErrorList errors, long maxBodyBytes, long maxLineBytes,
        IngestionOptions limits, CancellationToken cancellationToken)
    {
        var lines = new NdJsonLines(comments, errors, limits);
        var reader = new BodyChunkReader(body, maxBodyBytes);
        while (true)
        {
            if (await reader.ReadAsync(cancellationToken) is not { } chunk)
            {
                return BodyReadOutcome.TooLarge;
            }

            var buffer = chunk.Buffer;
            var keepReading = true;
            while (keepReading && buffer.PositionOf((byte)'\n') is { } newline)
            {
                var line = buffer.Slice(0, newline);
                buffer = buffer.Slice(buffer.GetPosition(1, newline));
                reader.Consumed += line.Length + 1;
                keepReading = lines.Accept(line);
            }

            if (keepReading && chunk.IsCompleted && buffer.Length > 0)
            {
                keepReading = lines.Accept(buffer);
                buffer = buffer.Slice(buffer.End);
            }

            if (keepReading && buffer.Length > maxLineBytes)
            {
                errors.Add(FieldPath.Line(lines.LineNumber + 1).Of(null), $"is longer than {maxLineBytes} bytes: no acceptable comment is that long");
                keepReading = false;
            }

            body.AdvanceTo(keepReading ? buffer.Start : buffer.End, buffer.End);
            if (!keepReading || chunk.IsCompleted)
            {
                return BodyReadOutcome.Read;
            }
        }
    }

    private static void Validate(List<(IncomingComment Comment, FieldPath Path)> comments, ErrorList errors, IngestionOptions limits)
    {
        if (comments.Count == 0)
        {
            errors.Add("body", "must hold at least one comment");
            return;
        }

        var firstOfId = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (comment, path) in comments)
        {
            CommentTextCheck.Add(comment.Text, path.Of("text"), limits, errors);

            if (comment.Id is null)
            {
                continue;
            }

            if (CommentIds.Problem(comment.Id, limits.MaxIdLength) is { } problem)
            {
                errors.Add(path.Of("id"), problem);
            }
            else if (!firstOfId.TryAdd(comment.Id, path.Item))
            {
                errors.Add(path.Of("id"), $"duplicates the id of {firstOfId[comment.Id]} in the same batch");
            }
        }
    }

    private static string TooMany(IngestionOptions limits) =>
        $"holds more than the maximum of {limits.MaxBatchSize} comments per request (Ingestion:MaxBatchSize)";

    /// <summary>A JSON array of comment objects, token by token.</summary>
    private sealed class ArrayHandler(List<(IncomingComment, FieldPath)> comments, ErrorList errors, IngestionOptions limits) : IJsonTokenHandler
    {
        private readonly CommentObjectReader _element = new();
        private State _state;
        private int _count;
        private int _skipDepth;
        private FieldPath _path;

        private enum State
        {
            Start,
            InArray,
            InElement,
            SkippingElement,
            Done,
        }

        public bool OnToken(ref Utf8JsonReader reader)
        {
            switch (_state)
            {
                case State.Start when reader.TokenType == JsonTokenType.StartArray:
                    _state = State.InArray;
                    return true;
                case State.Start:
                    errors.Add("body", "must be a JSON array of comments");
                    return false;
                case State.InArray when reader.TokenType == JsonTokenType.EndArray:
                    _state = State.Done;
                    return true;
                case State.InArray:
                    return StartElement(ref reader);
                case State.InElement:
                    if (_element.Accept(ref reader))
                    {
                        if (_element.Result is { } comment)
                        {
                            comments.Add((comment, _path));
                        }

                        _state = State.InArray;
                    }

                    return true;
                case State.SkippingElement:
                    if (reader.TokenType is JsonTokenType.EndArray or JsonTokenType.EndObject && reader.CurrentDepth == _skipDepth)
                    {
                        _state = State.InArray;
                    }

                    return true;
                default:
                    return true;
            }
        }

        public void OnMalformed(JsonException error) =>
            errors.Add(_state == State.InElement ? _element.CurrentField : "body", $"malformed JSON: {error.Message}");

        public void OnTokenTooLarge(long maxTokenBytes) =>
            errors.Add(_state == State.InElement ? _element.CurrentField : "body", $"holds a value longer than {maxTokenBytes} bytes: no acceptable comment is that long");

        private bool StartElement(ref Utf8JsonReader reader)
        {
            if (++_count > limits.MaxBatchSize)
            {
                errors.Add("body", TooMany(limits));
                return false;
            }

            _path = FieldPath.ArrayElement(_count - 1);
            switch (reader.TokenType)
            {
                case JsonTokenType.StartObject:
                    _element.Begin(ref reader, _path, errors);
                    _state = State.InElement;
                    break;
                case JsonTokenType.StartArray:
                    errors.Add(_path.Of(null), "must be a comment object");
                    _skipDepth = reader.CurrentDepth;
                    _state = State.SkippingElement;
                    break;
                default:
                    errors.Add(_path.Of(null), "must be a comment object");
                    break;
            }

            return true;
        }
    }

    /// <summary>NDJSON: one comment object per line; blank lines are skipped; each line is read on its own.</summary>
    private sealed class NdJsonLines(List<(IncomingComment, FieldPath)> comments, ErrorList errors, IngestionOptions limits)
    {
        private readonly CommentObjectReader _element = new();
        private int _count;

        public int LineNumber { get; private set; }

        /// <returns>False to stop reading.</returns>
        public bool Accept(ReadOnlySequence<byte> line)
        {
            LineNumber++;
            if (IsBlank(line))
            {
                return true;
            }

            if (++_count > limits.MaxBatchSize)
            {
                errors.Add("body", TooMany(limits));
                return false;
            }

            var path = FieldPath.Line(LineNumber);
            var reader = new Utf8JsonReader(line, JsonBodyPump.ReaderOptions);
            var started = false;
            try
            {
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                {
                    errors.Add(path.Of(null), "must be a comment object");
                    return true;
                }

                started = true;
                _element.Begin(ref reader, path, errors);
                while (reader.Read() && !_element.Accept(ref reader))
                {
                }

                // Anything but whitespace after the object throws here.
                reader.Read();
                if (_element.Result is { } comment)
                {
                    comments.Add((comment, path));
                }
            }
            catch (JsonException e)
            {
                errors.Add(started ? _element.CurrentField : path.Of(null), $"malformed JSON: {e.Message}");
            }

            return true;
        }

        private static bool IsBlank(ReadOnlySequence<byte> line)
        {
            foreach (var segment in line)
            {
                foreach (var b in segment.Span)
                {
                    if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r'))
                    {
                        return false;
                    }
                }
            }

            return true;
        }
    }
}
