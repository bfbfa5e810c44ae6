namespace Orleans.Sentiment.Contracts;

/// <summary>
/// The current window of one source: the last <see cref="WindowSize"/> classified comments, limited to those of the
/// last <see cref="WindowDuration"/> when the policy sets one. <see cref="ModelLabelCounts"/> holds the label mix of
/// every model (the window model's too), e.g. the category model's.
/// </summary>
[GenerateSerializer, Immutable, Alias("sentiment.WindowSnapshot")]
public sealed record WindowSnapshot(
    [property: Id(0)] int Count,
    [property: Id(1)] IReadOnlyDictionary<string, int> LabelCounts,
    [property: Id(2)] int NegativeCount,
    [property: Id(3)] double NegativeRatio,
    [property: Id(4)] bool Alerting,
    [property: Id(5)] int WindowSize,
    [property: Id(6)] TimeSpan? WindowDuration,
    [property: Id(7)] IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> ModelLabelCounts)
{
    /// <summary>The source's long-run share of the watched label (learnt from the comments that left the window); null before any left.</summary>
    [Id(8)]
    public double? Baseline { get; init; }

    /// <summary>The comments <see cref="Baseline"/> has learnt from.</summary>
    [Id(9)]
    public long BaselineComments { get; init; }

    /// <summary>Comments per identified language (ISO 639-1 codes; "und" where none could be told).</summary>
    [Id(10)]
    public IReadOnlyDictionary<string, int> LanguageCounts { get; init; } = new Dictionary<string, int>();

    /// <summary>
    /// The comments <see cref="NegativeRatio"/> is a share of: those whose window model read their language (all, unless
    /// some were in a language it does not read).
    /// </summary>
    [Id(11)]
    public int SharedComments { get; init; }
}
