using Microsoft.Extensions.Options;

namespace Orleans.Sentiment.Grains.Alerts;

/// <summary>Stops the silo at start-up when <c>Slack:DefaultWebhookUrl</c> is one the policy would refuse.</summary>
public sealed class WebhookUrlPolicyValidator(WebhookUrlPolicy policy) : IValidateOptions<SlackOptions>
{
    public ValidateOptionsResult Validate(string? name, SlackOptions options) =>
        options.DefaultWebhookUrl is { Length: > 0 } url && Uri.TryCreate(url, UriKind.Absolute, out _) && policy.Check(url) is { } reason
            ? ValidateOptionsResult.Fail($"Slack:DefaultWebhookUrl is not allowed: {reason}.")
            : ValidateOptionsResult.Success;
}
