using System.ComponentModel;
using System.Text.Json.Serialization;

namespace Orleans.Sentiment.HttpApi;

/// <summary>A tenant's sources, sorted.</summary>
public sealed record SourcesResponse(IReadOnlyList<string> Sources);

/// <summary>A source's rolling window: its last <c>windowSize</c> comments, within <c>windowDuration</c> when the policy sets one.</summary>
public sealed record WindowDto(
    int Count,
    IReadOnlyDictionary<string, int> LabelCounts,
    int NegativeCount,
    double NegativeRatio,
    bool Alerting,
    int WindowSize,
    [property: Description("ISO 8601 duration; null for a window bounded by count only.")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? WindowDuration,
    [property: Description("Every model's label counts, by model name.")] IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> ModelLabelCounts,
    [property: Description("The source's long-run share of the watched label, learnt from the comments that left the window (what the baseline detector compares with); null before any left.")]
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] double? Baseline = null,
    [property: Description("The comments the baseline has learnt from (it judges nothing before the policy's minBaseline).")] long BaselineComments = 0)
{
    [Description("Comments per identified language, by ISO 639-1 code; und where none could be told.")]
    public IReadOnlyDictionary<string, int> LanguageCounts { get; init; } = new Dictionary<string, int>();

    [Description("The comments negativeRatio is a share of: those whose window model reads their language.")]
    public int SharedComments { get; init; }
}

/// <summary>A source's recent comments, newest first.</summary>
public sealed record CommentsResponse(IReadOnlyList<ClassifiedItemDto> Comments);
