namespace Orleans.Sentiment.Grains.Alerts;

/// <summary>
/// The outermost handler of the webhook client: a URL the policy refuses (say, stored before the allow-list
/// changed) is never requested, and the refusal is not retried.
/// </summary>
public sealed class WebhookUrlPolicyHandler(WebhookUrlPolicy policy) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var url = request.RequestUri?.ToString() ?? "";
        if (policy.Check(url) is { } reason)
        {
            throw new HttpRequestException($"Webhook URL refused: {reason}.", new WebhookAddressRefusedException(reason));
        }

        return base.SendAsync(request, cancellationToken);
    }
}
