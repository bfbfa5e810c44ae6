namespace Orleans.Sentiment.Grains.Alerts;

public enum DeliveryResult
{
    Sent,

    /// <summary>Worth retrying: a network error, a timeout, 408, 429 or 5xx.</summary>
    Transient,

    /// <summary>Retrying will not help: any other 4xx, or an address the webhook policy refuses.</summary>
    Permanent,
}

/// <summary>How one webhook POST went; <see cref="RetryAfter"/> is the receiver's Retry-After, when it sent one.</summary>
[GenerateSerializer, Immutable, Alias("sentiment.DeliveryAttempt")]
public sealed record DeliveryAttempt(
    [property: Id(0)] DeliveryResult Result,
    [property: Id(1)] int? StatusCode,
    [property: Id(2)] TimeSpan? RetryAfter)
{
    public static DeliveryAttempt Sent(int statusCode) => new(DeliveryResult.Sent, statusCode, null);
}
