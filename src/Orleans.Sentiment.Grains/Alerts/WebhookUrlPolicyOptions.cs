using System.ComponentModel.DataAnnotations;

namespace Orleans.Sentiment.Grains.Alerts;

/// <summary>Where webhooks may point (configuration section "Slack", beside the delivery settings).</summary>
public sealed class WebhookUrlPolicyOptions : IValidatableObject
{
    public static readonly IReadOnlyList<string> DefaultAllowedHosts = ["hooks.slack.com"];

    /// <summary>
    /// Hosts a webhook URL may name: exact host names (or IP literals), or <c>*.suffix</c> for any subdomain of
    /// suffix. A list (<c>Slack:AllowedHosts:0</c>, …) or one comma-separated value. Empty: <c>hooks.slack.com</c>.
    /// </summary>
    public List<string> AllowedHosts { get; set; } = [];

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
    }
}
