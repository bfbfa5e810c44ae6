using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Grains.Telemetry;

namespace Orleans.Sentiment.Grains.Alerts;

/// <summary>
/// Delivers a source's alerts in order. <see cref="NotifyAsync"/> only queues, so a slow or failing webhook
/// never holds up the source grain and thus ingestion.
/// </summary>
public sealed partial class AlertGrain(
    SlackWebhookClient slack,
    IOptions<SlackOptions> options,
    SentimentMetrics metrics,
    ILogger<AlertGrain> logger) : Grain, IAlertGrain
{
    private readonly Queue<(AlertNotification Alert, string Url)> _pending = new();
    private Task _delivery = Task.CompletedTask;

    public Task NotifyAsync(AlertNotification notification)
    {
        var url = notification.WebhookUrl is { Length: > 0 } own ? own : options.Value.DefaultWebhookUrl;
        if (string.IsNullOrEmpty(url))
        {
            LogNotPosted(logger, notification.Kind, $"{notification.Tenant}/{notification.Source}");
            return Task.CompletedTask;
        }

        _pending.Enqueue((notification, url));
        if (_delivery.IsCompleted)
        {
            _delivery = DeliverPendingAsync();
        }

        return Task.CompletedTask;
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // Give queued alerts the time the runtime allows before the activation goes away.
        try
        {
            await _delivery.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            LogAbandoned(logger, _pending.Count);
        }
    }

    private async Task DeliverPendingAsync()
    {
        while (_pending.TryDequeue(out var item))
        {
            var source = $"{item.Alert.Tenant}/{item.Alert.Source}";
            if (await slack.PostAsync(item.Alert, item.Url, CancellationToken.None))
            {
                metrics.AlertSent();
                LogPosted(logger, item.Alert.Kind, source);
            }
            else
            {
                metrics.AlertFailed();
                LogFailed(logger, item.Alert.Kind, source);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deactivated with {Count} alerts still queued for delivery")]
    private static partial void LogAbandoned(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind} alert for {SourceKey} raised; no webhook configured, so it is only logged")]
    private static partial void LogNotPosted(ILogger logger, AlertKind kind, string sourceKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} alert for {SourceKey} posted to the webhook")]
    private static partial void LogPosted(ILogger logger, AlertKind kind, string sourceKey);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Kind} alert for {SourceKey} could not be delivered after all retries")]
    private static partial void LogFailed(ILogger logger, AlertKind kind, string sourceKey);
}
