namespace Orleans.Sentiment.Contracts;

/// <summary>
/// A W3C trace context (the <c>traceparent</c> and <c>tracestate</c> headers' values) carried inside a message that
/// crosses an asynchronous hop, such as a comment on the stream, so the span on the far side joins the sender's trace.
/// </summary>
[GenerateSerializer, Immutable, Alias("sentiment.TraceContext")]
public sealed record TraceContext(
    [property: Id(0)] string TraceParent,
    [property: Id(1)] string? TraceState);
