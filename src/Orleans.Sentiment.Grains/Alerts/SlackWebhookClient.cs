using System.Net.Http.Json;
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
            using var response = await http.PostAsJsonAsync(webhookUrl, SlackMessage.Payload(alert), cancellationToken);
            return response.IsSuccessStatusCode;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or TimeoutException or Polly.Timeout.TimeoutRejectedException)
        {
            return false;
        }
    }
}
