using System.Diagnostics;
using System.Net;
using System.Text;
using Orleans.Sentiment.Grains.Telemetry;
using Orleans.Sentiment.HttpApi;

namespace Orleans.Sentiment.Grains.Alerts;

/// <summary>
/// Posts one alert to a Slack incoming webhook, once: retries, their backoff and the Retry-After cap are the alert
/// grain's, which counts attempts in its persisted outbox. The HttpClient only adds a per-request timeout.
/// </summary>
public sealed class SlackWebhookClient(HttpClient http)
{
    public const string HttpClientName = "slack";

    public async Task<DeliveryAttempt> PostAsync(AlertNotification alert, string webhookUrl, CancellationToken cancellationToken)
    {
        // The HttpClient's own span (its URL cut to scheme, host and port) is this span's child.
        using var span = PipelineSpans.StartAlertPost(alert);
        var attempt = await PostOnceAsync(alert, webhookUrl, cancellationToken);
        span?.SetTag(SentimentTracing.AlertResultTag, attempt.Result.ToString().ToLowerInvariant());
        if (attempt.Result != DeliveryResult.Sent)
        {
            span?.SetStatus(ActivityStatusCode.Error);
        }

        return attempt;
    }

    private async Task<DeliveryAttempt> PostOnceAsync(AlertNotification alert, string webhookUrl, CancellationToken cancellationToken)
    {
        try
        {
            // A buffered body carries a Content-Length; chunked bodies are refused by some receivers and proxies.
            using var content = new StringContent(SlackMessage.Payload(alert).ToJsonString(), Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(webhookUrl, content, cancellationToken);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return DeliveryAttempt.Sent(status);
            }

            var transient = status >= 500 || response.StatusCode is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests;
            return new DeliveryAttempt(transient ? DeliveryResult.Transient : DeliveryResult.Permanent, status, RetryAfterHeader.Delay(response.Headers, DateTimeOffset.UtcNow));
        }
        catch (HttpRequestException e) when (e.InnerException is WebhookAddressRefusedException)
        {
            // The webhook policy refused the URL or its address: no retry can change that.
            return new DeliveryAttempt(DeliveryResult.Permanent, null, null);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or TimeoutException or Polly.Timeout.TimeoutRejectedException)
        {
            return new DeliveryAttempt(DeliveryResult.Transient, null, null);
        }
    }
}
