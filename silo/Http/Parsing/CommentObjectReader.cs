using System.Text.Json;
using Orleans.Sentiment.HttpApi;

namespace Orleans.Sentiment.Silo.Http.Parsing;

/// <summary>
/// Reads one comment object <c>{ "id"?, "text", "timestamp"? }</c> token by token (fed by
/// <see cref="JsonBodyPump"/> or one NDJSON line), so that a wrong type or an unknown field is an error naming the
/// field rather than an exception, and strings that are not valid UTF-8 are refused, never replaced.
/// </summary>
internal sealed class CommentObjectReader
{
    private readonly HashSet<string> _seen = new(StringComparer.OrdinalIgnoreCase);
    private ErrorList _errors = null!;
    private FieldPath _path;
    private int _depth;
    private int _skipDepth;
    private string? _property;
    private string? _id;
    private string? _text;
    private DateTimeOffset? _timestamp;
    private bool _failed;

    /// <summary>The field being read, for naming a syntax error that interrupts it.</summary>
    public string CurrentField => _path.Of(_property);

    /// <summary>The comment read, or null when it had errors (already added to the error list).</summary>
    public IncomingComment? Result => _failed ? null : new IncomingComment(_id, _text, _timestamp);

    /// <summary>Starts a new object whose <c>{</c> the reader has just read.</summary>
    public void Begin(ref Utf8JsonReader reader, FieldPath path, ErrorList errors)
    {
        _seen.Clear();
        (_errors, _path, _depth, _skipDepth) = (errors, path, reader.CurrentDepth, -1);
        (_property, _id, _text, _timestamp, _failed) = (null, null, null, null, false);
    }

    /// <returns>True once the object's closing <c>}</c> has been read.</returns>
    public bool Accept(ref Utf8JsonReader reader)
    {
        if (_skipDepth >= 0)
        {
            if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray && reader.CurrentDepth == _skipDepth)
            {
                _skipDepth = -1;
            }

            return false;
        }

        switch (reader.TokenType)
        {
            case JsonTokenType.EndObject when reader.CurrentDepth == _depth:
                return true;
            case JsonTokenType.PropertyName:
                _property = ReadName(ref reader);
                if (!_seen.Add(_property))
                {
                    Fail(_property, "appears more than once");
                }

                return false;
            default:
                var name = _property ?? "";
                ReadValue(name, ref reader);
                _property = null;
                return false;
        }
    }

    private void ReadValue(string name, ref Utf8JsonReader reader)
    {
        var known = name.ToLowerInvariant() is "id" or "text" or "timestamp";
        if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            _skipDepth = reader.CurrentDepth;
        }

        if (!known)
        {
            Fail(name, "is not a known field (expected id, text, timestamp)");
            return;
        }

        if (reader.TokenType == JsonTokenType.Null)
        {
            return;
        }

        if (reader.TokenType != JsonTokenType.String)
        {
            Fail(name, name.Equals("timestamp", StringComparison.OrdinalIgnoreCase) ? "must be an ISO 8601 date-time string" : "must be a string");
            return;
        }

        switch (name.ToLowerInvariant())
        {
            case "timestamp":
                if (reader.TryGetDateTimeOffset(out var timestamp))
                {
                    _timestamp = timestamp;
                }
                else
                {
                    Fail(name, "must be an ISO 8601 date-time string");
                }

                break;
            case "id":
                _id = ReadString(name, ref reader);
                break;
            default:
                _text = ReadString(name, ref reader);
                break;
        }
    }

    private string? ReadString(string name, ref Utf8JsonReader reader)
    {
        if (JsonStrings.TryGet(ref reader, out var value))
        {
            return value;
        }

        Fail(name, JsonStrings.InvalidText);
        return null;
    }

    private string ReadName(ref Utf8JsonReader reader)
    {
        if (JsonStrings.TryGet(ref reader, out var name))
        {
            return name;
        }

        Fail(null, "a field name " + JsonStrings.InvalidText);
        return "?";
    }

    private void Fail(string? field, string message)
    {
        _failed = true;
        _errors.Add(_path.Of(field), message);
    }
}
