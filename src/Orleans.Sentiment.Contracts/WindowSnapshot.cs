namespace Orleans.Sentiment.Contracts;

/// <summary>The current rolling window of one source.</summary>
[GenerateSerializer, Immutable, Alias("sentiment.WindowSnapshot")]
public sealed record WindowSnapshot(
    [property: Id(0)] int Count,
    [property: Id(1)] IReadOnlyDictionary<string, int> LabelCounts,
    [property: Id(2)] int NegativeCount,
    [property: Id(3)] double NegativeRatio,
    [property: Id(4)] bool Alerting);
