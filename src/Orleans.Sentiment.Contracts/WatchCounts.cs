namespace Orleans.Sentiment.Contracts;

/// <summary>
/// A watched label in a source's window: <see cref="Hits"/> of the <see cref="Count"/> comments carry it, and the
/// source's long-run share of it (learnt from the comments that left the window) is <see cref="Baseline"/>, after
/// <see cref="BaselineComments"/> comments (null before the first). <see cref="RecentHits"/> counts the label in the
/// window's most recent <see cref="Scales"/> comments (ascending lengths, the last the whole window), so a burst
/// shows in a short part of the window before it moves the whole.
/// </summary>
[GenerateSerializer, Immutable, Alias("sentiment.WatchCounts")]
public sealed record WatchCounts(
    [property: Id(0)] string Key,
    [property: Id(1)] int Count,
    [property: Id(2)] int Hits,
    [property: Id(3)] double? Baseline,
    [property: Id(4)] long BaselineComments)
{
    [Id(5)]
    public IReadOnlyList<int> Scales { get; init; } = [];

    [Id(6)]
    public IReadOnlyList<int> RecentHits { get; init; } = [];
}
