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
    [property: Description("The label whose share the policy watches (e.g. stability), with watchModel.")] string? WatchLabel = null,
    [property: Description("threshold (the share past a fixed threshold; default) or baseline (significantly above the source's own long-run share).")] string? Detector = null,
    [property: Description("Baseline detector: the one-sided binomial test's level (default 0.0001).")] double? Alpha = null,
    [property: Description("Baseline detector: how far above the baseline the share must be, relative (default 0.25: a quarter above).")] double? MinLift = null,
    [property: Description("Baseline detector: comments the baseline must have learnt from before it may alert (default 300).")] int? MinBaseline = null,
    [property: Description("Baseline detector: comments the long-run share remembers (default 2000).")] int? BaselineHorizon = null,
    [property: Description("Baseline detector: ISO 8601 half-life in comment time, instead of baselineHorizon.")] string? BaselineHalfLife = null,
    [property: Description("Further labels to watch, each alerting on its own.")] IReadOnlyList<AlertWatchDto>? Watches = null,
    [property: Description("Let alerts carry comment text to the webhook (default false: alerts leave the machine).")] bool? IncludeExamples = null,
    [property: Description("Have every model label comments in languages it does not read, and count them in its shares (default false: they are counted as unsupported_language and left out).")] bool? IncludeUnsupportedLanguages = null);

/// <summary>A further label an alert policy watches; absent fields take the policy's.</summary>
public sealed record AlertWatchDto(
    [property: Description("A configured model (sentiment, category) or a tenant model as tenant:model.")] string? Model,
    [property: Description("The label of that model whose share is watched.")] string? Label,
    [property: Description("threshold or baseline.")] string? Detector = null,
    double? Threshold = null,
    double? Alpha = null,
    double? MinLift = null);

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
    DateTimeOffset? DeliveredAt,
    [property: Description("The label the alert is about (negativeCount counts it).")] string Label = "negative",
    [property: Description("The model whose label it is; absent: the source's sentiment model.")] string? Model = null,
    [property: Description("threshold or baseline")] string Detector = "threshold",
    [property: Description("The source's long-run share of the label when the alert was decided.")] double? Baseline = null,
    [property: Description("What a spike's comments were about: its largest themes with their counts (no comment text).")] IReadOnlyList<AlertThemeDto>? Themes = null);

/// <summary>A theme behind a spike.</summary>
public sealed record AlertThemeDto(string Name, int Count, double Share, IReadOnlyList<string> ExampleIds);

/// <summary>A source's alerts, newest first.</summary>
public sealed record AlertsResponse(IReadOnlyList<AlertRecordDto> Alerts);
