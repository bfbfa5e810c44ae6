using System.ComponentModel.DataAnnotations;

namespace Orleans.Sentiment.Grains.Alerts;

/// <summary>Slack delivery settings (configuration section "Slack").</summary>
public sealed class SlackOptions : IValidatableObject
{
    public const string Section = "Slack";

    /// <summary>Incoming-webhook URL used when a source's policy names none; none means alerts are only logged.</summary>
    public string? DefaultWebhookUrl { get; set; }

    /// <summary>Time allowed for one webhook request.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00", ErrorMessage = "Slack:RequestTimeout must be between {1} and {2}.")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retries after a failed delivery (exponential backoff from <see cref="RetryDelay"/>).</summary>
    [Range(0, 20, ErrorMessage = "Slack:MaxRetries must be between {1} and {2}.")]
    public int MaxRetries { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00", ErrorMessage = "Slack:RetryDelay must be between {1} and {2}.")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait a webhook's Retry-After may impose before the next attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00", ErrorMessage = "Slack:MaxRetryAfter must be between {1} and {2}.")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>An alert not delivered this long after it was raised counts as failed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00", ErrorMessage = "Slack:DeliveryDeadline must be between {1} and {2}.")]
    public TimeSpan DeliveryDeadline { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Alerts kept per source in the alert history.</summary>
    [Range(1, 10_000, ErrorMessage = "Slack:HistoryCapacity must be between {1} and {2}.")]
    public int HistoryCapacity { get; set; } = 100;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DefaultWebhookUrl is { Length: > 0 } url
            && (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            yield return new ValidationResult("Slack:DefaultWebhookUrl must be an absolute http or https URL.", [nameof(DefaultWebhookUrl)]);
        }
    }
}
