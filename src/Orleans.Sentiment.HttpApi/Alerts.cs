using System.ComponentModel;

namespace Orleans.Sentiment.HttpApi;

/// <summary>
/// A source's alert policy, read and written whole; absent fields take their defaults. Answers show the webhook URL
/// masked (scheme and host only): its path is the webhook's secret, and sending the mask back keeps the stored URL.
/// </summary>
public sealed record AlertPolicyDto(
    [property: Description("Comments in the window (default 100).")] int? WindowSize,
    [property: Description("Negative share above which the source alerts (default 0.10).")] double? Threshold,
    [property: Description("Comments the window needs before it may alert (default 20).")] int? MinCount,
    [property: Description("ISO 8601 duration or hh:mm:ss between alerts, at least PT1M (default PT15M).")] string? Cooldown,
    string? WebhookUrl,
    [property: Description("ISO 8601 duration or hh:mm:ss, PT10S to P1D: only comments this recent count.")] string? WindowDuration = null,
    [property: Description("Export the window as Prometheus metrics (default false).")] bool? ExportMetrics = null,
    [property: Description("The models that run on the source's comments: configured models by name (sentiment, category) and the tenant's own as tenant:model; absent: every configured model.")] IReadOnlyList<string>? Models = null,
    [property: Description("With watchLabel: watch this model's label share instead of the negative share.")] string? WatchModel = null,
    [property: Description("The label whose share the policy watches (e.g. stability), with watchModel.")] string? WatchLabel = null);

/// <summary>One alert of a source's history.</summary>
public sealed record AlertRecordDto(
    [property: Description("spike or recovery")] string Kind,
    DateTimeOffset At,
    int NegativeCount,
    int Count,
    int WindowSize,
    double Threshold,
    [property: Description("pending, sent, failed, superseded or logged")] string Delivery,
    int Attempts,
    DateTimeOffset? DeliveredAt);

/// <summary>A source's alerts, newest first.</summary>
public sealed record AlertsResponse(IReadOnlyList<AlertRecordDto> Alerts);
