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

    /// <summary>How often an active source re-evaluates its window and alert state without new comments (time windows, cooldowns).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00", ErrorMessage = "Sentiment:EvaluationInterval must be between {1} and {2}.")]
    public TimeSpan EvaluationInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Most bytes of comment text kept per source for the recent-comments route, whatever their count.</summary>
    [Range(4_096, 64 * 1024 * 1024, ErrorMessage = "Sentiment:RecentMaxBytes must be between {1} and {2}.")]
    public int RecentMaxBytes { get; set; } = 512 * 1024;

    /// <summary>A source grain idle this long is deactivated (its state stays in storage).</summary>
    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00", ErrorMessage = "Sentiment:IdleDeactivation must be between {1} and {2}.")]
    public TimeSpan IdleDeactivation { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How long a source keeps retrying a classifier that is unavailable before it dead-letters the comments.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Sentiment:ClassificationDeadline must be between {1} and {2}.")]
    public TimeSpan ClassificationDeadline { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Most bytes of dead-lettered comment text kept per tenant; the oldest go first.</summary>
    [Range(65_536, 1024 * 1024 * 1024, ErrorMessage = "Sentiment:DeadLetterMaxBytesPerTenant must be between {1} and {2}.")]
    public int DeadLetterMaxBytesPerTenant { get; set; } = 4 * 1024 * 1024;

    public bool IsNegative(string label) => NegativeLabels.Contains(label, StringComparer.OrdinalIgnoreCase);
}
