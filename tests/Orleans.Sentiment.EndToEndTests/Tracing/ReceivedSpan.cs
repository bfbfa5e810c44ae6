using Google.Protobuf;
using Orleans.Sentiment.EndToEndTests.Tracing.Otlp;

namespace Orleans.Sentiment.EndToEndTests.Tracing;

/// <summary>One exported span, with the name of the instrumentation scope (ActivitySource) that made it.</summary>
internal sealed record ReceivedSpan(string Scope, Span Span)
{
    public string Name => Span.Name;

    public ByteString TraceId => Span.TraceId;

    public ByteString SpanId => Span.SpanId;

    public ByteString ParentSpanId => Span.ParentSpanId;

    public Span.Types.SpanKind Kind => Span.Kind;

    public string? Tag(string key) => Span.Attributes.FirstOrDefault(a => a.Key == key)?.Value is { } value ? Text(value) : null;

    public bool LinksTo(ReceivedSpan other) => Span.Links.Any(l => l.TraceId == other.TraceId && l.SpanId == other.SpanId);

    /// <summary>Every attribute value the span carries (its own, its events' and its links'), as text.</summary>
    public IEnumerable<string> AttributeValues() =>
        Span.Attributes.Concat(Span.Events.SelectMany(e => e.Attributes)).Concat(Span.Links.SelectMany(l => l.Attributes)).Select(a => Text(a.Value));

    public static string Text(AnyValue value) => value.ValueCase switch
    {
        AnyValue.ValueOneofCase.StringValue => value.StringValue,
        AnyValue.ValueOneofCase.IntValue => value.IntValue.ToString(System.Globalization.CultureInfo.InvariantCulture),
        AnyValue.ValueOneofCase.ArrayValue => string.Join(",", value.ArrayValue.Values.Select(Text)),
        _ => value.ToString(),
    };

    public override string ToString() => $"{Scope}:{Name}";
}
