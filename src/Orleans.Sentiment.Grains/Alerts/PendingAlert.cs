namespace Orleans.Sentiment.Grains.Alerts;

/// <summary>An alert waiting in the outbox: where it goes, how often it was tried, and when to try next.</summary>
[GenerateSerializer, Alias("sentiment.PendingAlert")]
public sealed class PendingAlert
{
    /// <summary>Its entry in the history.</summary>
    [Id(0)]
    public long Id { get; init; }

    [Id(1)]
    public required AlertNotification Notification { get; set; }

    [Id(2)]
    public required string WebhookUrl { get; init; }

    /// <summary>When it entered the outbox (runtime clock); the delivery deadline counts from here.</summary>
    [Id(3)]
    public DateTimeOffset QueuedAt { get; init; }

    [Id(4)]
    public int Attempts { get; set; }

    [Id(5)]
    public DateTimeOffset NextAttemptAt { get; set; }
}
