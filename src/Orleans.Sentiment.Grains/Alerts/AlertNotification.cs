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
    /// <summary>The span that took the alert in, so its webhook posts (retries too) continue that trace; null when untraced.</summary>
    [Id(11)]
    public TraceContext? Trace { get; init; }
}
