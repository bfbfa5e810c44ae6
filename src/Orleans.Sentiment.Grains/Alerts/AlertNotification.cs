using Orleans.Sentiment.Contracts;

namespace Orleans.Sentiment.Grains.Alerts;

/// <summary>
/// What an alert says; the comment texts never travel in it. <see cref="Sequence"/> numbers a source's messages, so
/// the outbox takes each one once (a source stored by an earlier version hands its last message over again).
/// </summary>
[GenerateSerializer, Immutable, Alias("sentiment.AlertNotification")]
public sealed record AlertNotification(
    [property: Id(0)] string Tenant,
    [property: Id(1)] string Source,
    [property: Id(2)] AlertKind Kind,
    [property: Id(3)] int NegativeCount,
    [property: Id(4)] int Count,
    [property: Id(5)] int WindowSize,
    [property: Id(6)] double Threshold,
    [property: Id(7)] string? WebhookUrl,
    [property: Id(8)] DateTimeOffset At,
    [property: Id(9)] long Sequence = 0,
    [property: Id(10)] TimeSpan? WindowDuration = null)
{
    /// <summary>Which of the policy's watches this is about (<see cref="AlertPolicy.MainWatchKey"/> for the main share).</summary>
    [Id(12)]
    public string WatchKey { get; init; } = AlertPolicy.MainWatchKey;

    /// <summary>The model whose label is watched; null: the source's window model (sentiment).</summary>
    [Id(13)]
    public string? Model { get; init; }

    /// <summary>The watched label; <see cref="NegativeCount"/> counts the comments that carry it.</summary>
    [Id(14)]
    public string Label { get; init; } = "negative";

    [Id(15)]
    public SpikeDetector Detector { get; init; }

    /// <summary>The source's long-run share of the label when the alert was decided; null before it learnt any.</summary>
    [Id(16)]
    public double? Baseline { get; init; }

    /// <summary>The baseline test's p-value; null for the threshold detector.</summary>
    [Id(17)]
    public double? PValue { get; init; }

    /// <summary>The themes of the spike's comments; texts only when the policy includes examples.</summary>
    [Id(18)]
    public IReadOnlyList<AlertTheme> Themes { get; init; } = [];

    /// <summary>Whether the policy lets comment text leave the machine with this alert.</summary>
    [Id(19)]
    public bool IncludeExamples { get; init; }

    /// <summary>The span that took the alert in, so its webhook posts (retries too) continue that trace; null when untraced.</summary>
    [Id(11)]
    public TraceContext? Trace { get; init; }
}
