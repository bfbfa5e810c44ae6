using System.IO.Pipelines;
using System.Text.Json;
using Orleans.Sentiment.Grains;

namespace Orleans.Sentiment.Silo.Http.Parsing;

/// <summary>
/// Parses <c>{ "texts": [ ... ] }</c> as it streams in, with the same bounds as ingestion: it stops at the first text
/// past <c>Ingestion:MaxBatchSize</c>, refuses unknown fields, non-strings and invalid UTF-8, and lists at most
/// <see cref="ErrorList.MaxEntries"/> errors.
/// </summary>
internal static class ClassifyRequestParser
{
    public sealed record Result(IReadOnlyList<string> Texts, ErrorList Errors, bool TooLarge);

    public static async Task<Result> ParseAsync(PipeReader body, long maxBodyBytes, IngestionOptions limits, CancellationToken cancellationToken)
    {
        var errors = new ErrorList();
        var handler = new Handler(errors, limits);
        var outcome = await JsonBodyPump.RunAsync(body, handler, maxBodyBytes, IngestionParser.MaxValueBytes(limits), cancellationToken);
        if (outcome == BodyReadOutcome.TooLarge)
        {
            return new Result([], errors, TooLarge: true);
        }

        if (!errors.Any)
        {
            Validate(handler.Texts, errors, limits);
        }

        return new Result(handler.Texts, errors, TooLarge: false);
    }

    private static void Validate(List<string> texts, ErrorList errors, IngestionOptions limits)
    {
        if (texts.Count == 0)
        {
            errors.Add("texts", "must be a non-empty array of strings");
            return;
        }

        for (var i = 0; i < texts.Count; i++)
        {
            if (TextContent.IsBlank(texts[i]))
            {
                errors.Add($"texts[{i}]", "must not be empty, whitespace, or only control and format characters");
            }
            else if (texts[i].Length > limits.MaxTextLength)
            {
                errors.Add($"texts[{i}]", $"is longer than the maximum of {limits.MaxTextLength} characters (Ingestion:MaxTextLength)");
            }
        }
    }

    private sealed class Handler(ErrorList errors, IngestionOptions limits) : IJsonTokenHandler
    {
        private State _state;
        private int _skipDepth = -1;
        private bool _sawTexts;

        private enum State
        {
            Start,
            InObject,
            TextsValue,
            InTexts,
            OtherValue,
            Done,
        }

        public List<string> Texts { get; } = [];

        public bool OnToken(ref Utf8JsonReader reader)
        {
            if (_skipDepth >= 0)
            {
                if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray && reader.CurrentDepth == _skipDepth)
                {
                    _skipDepth = -1;
                }

                return true;
            }

            switch (_state)
            {
                case State.Start when reader.TokenType == JsonTokenType.StartObject:
                    _state = State.InObject;
                    return true;
                case State.Start:
                    errors.Add("body", "must be an object { \"texts\": [ ... ] }");
                    return false;
                case State.InObject when reader.TokenType == JsonTokenType.EndObject:
                    _state = State.Done;
                    return true;
                case State.InObject:
                    return OnProperty(ref reader);
                case State.TextsValue:
                    return OnTextsValue(ref reader);
                case State.InTexts when reader.TokenType == JsonTokenType.EndArray:
                    _state = State.InObject;
                    return true;
                case State.InTexts:
                    return OnText(ref reader);
                case State.OtherValue:
                    SkipIfNested(ref reader);
                    _state = State.InObject;
                    return true;
                default:
                    return true;
            }
        }

        public void OnMalformed(JsonException error) =>
            errors.Add(_state is State.InTexts or State.TextsValue ? "texts" : "body", $"malformed JSON: {error.Message}");

        public void OnTokenTooLarge(long maxTokenBytes) =>
            errors.Add("texts", $"holds a value longer than {maxTokenBytes} bytes: no acceptable text is that long");

        private bool OnProperty(ref Utf8JsonReader reader)
        {
            if (!JsonStrings.TryGet(ref reader, out var name))
            {
                errors.Add("body", "a field name " + JsonStrings.InvalidText);
                _state = State.OtherValue;
                return true;
            }

            if (!name.Equals("texts", StringComparison.OrdinalIgnoreCase))
            {
                errors.Add(name, "is not a known field (expected texts)");
                _state = State.OtherValue;
                return true;
            }

            if (_sawTexts)
            {
                errors.Add("texts", "appears more than once");
            }

            _sawTexts = true;
            _state = State.TextsValue;
            return true;
        }

        private bool OnTextsValue(ref Utf8JsonReader reader)
        {
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                _state = State.InTexts;
                return true;
            }

            errors.Add("texts", "must be a non-empty array of strings");
            SkipIfNested(ref reader);
            _state = State.InObject;
            return true;
        }

        private bool OnText(ref Utf8JsonReader reader)
        {
            var index = Texts.Count;
            if (index >= limits.MaxBatchSize)
            {
                errors.Add("texts", $"holds more than the maximum of {limits.MaxBatchSize} texts (Ingestion:MaxBatchSize)");
                return false;
            }

            if (reader.TokenType == JsonTokenType.String && JsonStrings.TryGet(ref reader, out var text))
            {
                Texts.Add(text);
                return true;
            }

            errors.Add($"texts[{index}]", reader.TokenType == JsonTokenType.String ? JsonStrings.InvalidText : "must be a string");
            SkipIfNested(ref reader);
            Texts.Add("");
            return true;
        }

        private void SkipIfNested(ref Utf8JsonReader reader)
        {
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                _skipDepth = reader.CurrentDepth;
            }
        }
    }
}
