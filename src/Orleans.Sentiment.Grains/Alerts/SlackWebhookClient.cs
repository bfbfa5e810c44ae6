using System.Text;
using Orleans.Sentiment.Contracts;

namespace Orleans.Sentiment.Grains.Alerts;

/// <summary>Posts alerts to a Slack incoming webhook. Retries with backoff come from the HttpClient's resilience handler.</summary>
public sealed class SlackWebhookClient(HttpClient http)
{
    public const string HttpClientName = "slack";

    /// <returns>True when the webhook accepted the message.</returns>
    public async Task<bool> PostAsync(AlertNotification alert, string webhookUrl, CancellationToken cancellationToken)
    {
        try
        {
            // A buffered body carries a Content-Length; chunked bodies are refused by some receivers and proxies.
            using var content = new StringContent(SlackMessage.Payload(alert).ToJsonString(), Encoding.UTF8, "application/json");
            using var response = await http.PostAsync(webhookUrl, content, cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or TimeoutException or Polly.Timeout.TimeoutRejectedException)
        {
            return false;
        }
    }
}
