namespace Orleans.Sentiment.Contracts;

/// <summary>
/// What a source's alert grain decides on: the comments in the source's window and how many are negative (or carry the
/// label the policy watches), as of <see cref="At"/> — the source's time, which follows its comments' timestamps.
/// <see cref="Baseline"/> is the long-run share of that label; <see cref="Watches"/> counts each further watched label.
/// </summary>
[GenerateSerializer, Immutable, Alias("sentiment.WindowCounts")]
public sealed record WindowCounts(
    [property: Id(0)] int Count,
    [property: Id(1)] int NegativeCount,
    [property: Id(2)] DateTimeOffset At)
{
    [Id(3)]
    public double? Baseline { get; init; }

    [Id(4)]
    public long BaselineComments { get; init; }

    [Id(5)]
    public IReadOnlyList<WatchCounts> Watches { get; init; } = [];

    /// <summary>The lengths of the window's recent parts counted in <see cref="RecentNegatives"/>; see <see cref="WatchCounts.Scales"/>.</summary>
    [Id(6)]
    public IReadOnlyList<int> Scales { get; init; } = [];

    [Id(7)]
    public IReadOnlyList<int> RecentNegatives { get; init; } = [];

    /// <summary>The source can group a spike's comments into themes: a spike then waits a moment for them before it is sent.</summary>
    [Id(8)]
    public bool ThemesAvailable { get; init; }

    /// <summary>The main share as a watch, keyed <see cref="AlertPolicy.MainWatchKey"/>.</summary>
    public WatchCounts Main => new(AlertPolicy.MainWatchKey, Count, NegativeCount, Baseline, BaselineComments) { Scales = Scales, RecentHits = RecentNegatives };
}
