namespace Orleans.Sentiment.Contracts;

/// <summary>
/// A watched label in a source's window: <see cref="Hits"/> of the <see cref="Count"/> comments carry it, and the
/// source's long-run share of it (learnt from the comments that left the window) is <see cref="Baseline"/>, after
/// <see cref="BaselineComments"/> comments (null before the first).
/// </summary>
[GenerateSerializer, Immutable, Alias("sentiment.WatchCounts")]
public sealed record WatchCounts(
    [property: Id(0)] string Key,
    [property: Id(1)] int Count,
    [property: Id(2)] int Hits,
    [property: Id(3)] double? Baseline,
    [property: Id(4)] long BaselineComments);
