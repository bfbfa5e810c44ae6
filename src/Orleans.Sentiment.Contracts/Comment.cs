namespace Orleans.Sentiment.Contracts;

/// <summary>A comment as it travels on the "comments" stream. The tenant travels in every payload, so a consumer never infers it from the stream key.</summary>
[GenerateSerializer, Immutable, Alias("sentiment.Comment")]
public sealed record Comment(
    [property: Id(0)] string Tenant,
    [property: Id(1)] string Source,
    [property: Id(2)] string? Id,
    [property: Id(3)] string Text,
    [property: Id(4)] DateTimeOffset Timestamp)
{
    /// <summary>The span that published the comment, so the source grain's span continues its trace; null when nothing traced it (and in messages older than this field).</summary>
    [Id(5)]
    public TraceContext? Trace { get; init; }
}
