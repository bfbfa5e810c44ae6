namespace Orleans.Sentiment.Contracts;

/// <summary>What a source's alert grain decides on: the comments in the source's window and how many are negative, as of <see cref="At"/>.</summary>
[GenerateSerializer, Immutable, Alias("sentiment.WindowCounts")]
public sealed record WindowCounts(
    [property: Id(0)] int Count,
    [property: Id(1)] int NegativeCount,
    [property: Id(2)] DateTimeOffset At);
