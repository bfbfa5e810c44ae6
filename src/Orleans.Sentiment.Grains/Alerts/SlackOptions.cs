using System.ComponentModel.DataAnnotations;

namespace Orleans.Sentiment.Grains.Alerts;

/// <summary>Slack delivery settings and where webhooks may point (configuration section "Slack").</summary>
public sealed class SlackOptions : IValidatableObject
{
    public const string Section = "Slack";

    public static readonly IReadOnlyList<string> DefaultAllowedHosts = ["hooks.slack.com"];

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

    /// <summary>
    /// Hosts a webhook URL may name: exact host names (or IP literals), or <c>*.suffix</c> for any subdomain of
    /// suffix. A list (<c>Slack:AllowedHosts:0</c>, …) or one comma-separated value. Empty: <c>hooks.slack.com</c>.
    /// </summary>
    public HostPatternList AllowedHosts { get; set; } = [];

    /// <summary>
    /// Allows webhooks to reach loopback, private, link-local, unique-local, CGNAT and other non-public addresses
    /// (say, a receiver on the same machine in a test). Off by default: a policy must not turn the silo into a
    /// proxy into its own network.
    /// </summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>The allowed hosts in effect: the configured ones, or the default.</summary>
    public IReadOnlyList<string> EffectiveAllowedHosts =>
        AllowedHosts.SelectMany(h => h.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)).ToArray() is { Length: > 0 } hosts
            ? hosts
            : DefaultAllowedHosts;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var host in EffectiveAllowedHosts)
        {
            if (!WebhookUrlPolicy.IsValidHostPattern(host))
            {
                yield return new ValidationResult(
                    $"Slack:AllowedHosts entry '{host}' must be a host name, an IP address or '*.suffix'.", [nameof(AllowedHosts)]);
            }
        }

        if (DefaultWebhookUrl is not { Length: > 0 } url)
        {
            yield break;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            yield return new ValidationResult("Slack:DefaultWebhookUrl must be an absolute http or https URL.", [nameof(DefaultWebhookUrl)]);
        }
        else if (new WebhookUrlPolicy(this).Check(url) is { } reason)
        {
            // The default webhook must pass the same policy as the ones API callers send.
            yield return new ValidationResult($"Slack:DefaultWebhookUrl is not allowed: {reason}.", [nameof(DefaultWebhookUrl)]);
        }
    }
}
