using System.Diagnostics;
using Orleans.Sentiment.Contracts;

namespace Orleans.Sentiment.Grains.Telemetry;

/// <summary>
/// The project's one <see cref="ActivitySource"/> ("Orleans.Sentiment", named like the meter) with the names of its
/// spans and attributes. Attributes carry tenants, sources, counts and model names: never comment text, never a key or
/// a webhook URL. With no listener (tracing off) <see cref="ActivitySource.StartActivity(string, ActivityKind)"/>
/// returns null and every span helper does nothing.
/// </summary>
public static class SentimentTracing
{
    public static readonly ActivitySource Source = new(Constants.ActivitySourceName);

    public const string PublishSpan = "publish";
    public const string ProcessBatchSpan = "process batch";
    public const string ClassifySpan = "classify";
    public const string ModelCallSpan = "model call";
    public const string AlertSpan = "alert";
    public const string AlertPostSpan = "alert post";

    public const string TenantTag = "sentiment.tenant";
    public const string SourceTag = "sentiment.source";
    public const string CommentCountTag = "sentiment.comment.count";
    public const string TextCountTag = "sentiment.text.count";
    public const string ModelsTag = "sentiment.models";
    public const string BatchSizeTag = "sentiment.batch.size";
    public const string BatchPaddedTokensTag = "sentiment.batch.padded_tokens";
    public const string BatchCallersTag = "sentiment.batch.callers";
    public const string AlertKindTag = "sentiment.alert.kind";
    public const string AlertNegativeCountTag = "sentiment.alert.negative_count";
    public const string AlertWindowCountTag = "sentiment.alert.window_count";
    public const string AlertSequenceTag = "sentiment.alert.sequence";
    public const string AlertResultTag = "sentiment.alert.result";
}
