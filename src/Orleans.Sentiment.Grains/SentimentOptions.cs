using System.ComponentModel.DataAnnotations;

namespace Orleans.Sentiment.Grains;

/// <summary>Settings of the feedback pipeline (configuration section "Sentiment").</summary>
public sealed class SentimentOptions
{
    public const string Section = "Sentiment";

    /// <summary>Labels that count as negative, compared case-insensitively.</summary>
    [MinLength(1, ErrorMessage = "Sentiment:NegativeLabels must have at least {1} entry.")]
    public string[] NegativeLabels { get; set; } = ["negative", "neg"];

    /// <summary>Model whose label fills the window and decides "negative"; empty means the first model.</summary>
    public string? WindowModel { get; set; }

    /// <summary>Classified comments kept per source for the recent-comments route.</summary>
    [Range(1, 10_000, ErrorMessage = "Sentiment:RecentCapacity must be between {1} and {2}.")]
    public int RecentCapacity { get; set; } = 200;

    /// <summary>Comment ids remembered per source to drop redelivered comments.</summary>
    [Range(100, 1_000_000, ErrorMessage = "Sentiment:DedupeCapacity must be between {1} and {2}.")]
    public int DedupeCapacity { get; set; } = 10_000;

    /// <summary>Comments sent to a classifier grain in one call.</summary>
    [Range(1, 4096, ErrorMessage = "Sentiment:ClassifierBatchSize must be between {1} and {2}.")]
    public int ClassifierBatchSize { get; set; } = 64;

    public bool IsNegative(string label) => NegativeLabels.Contains(label, StringComparer.OrdinalIgnoreCase);
}
