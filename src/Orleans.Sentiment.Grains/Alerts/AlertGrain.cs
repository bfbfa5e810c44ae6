using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Grains.Telemetry;

namespace Orleans.Sentiment.Grains.Alerts;

/// <summary>
/// Delivers a source's alerts from its persisted outbox. <see cref="NotifyAsync"/> only records, and each webhook POST
/// runs outside the grain's turn and reports back, so a slow or failing webhook never holds up the source grain.
/// </summary>
public sealed partial class AlertGrain(
    [PersistentState("alerts", Constants.StorageName)] IPersistentState<AlertGrainState> state,
    SlackWebhookClient slack,
    IOptions<SlackOptions> options,
    SentimentMetrics metrics,
    TimeProvider time,
    ILogger<AlertGrain> logger) : Grain, IAlertGrain, IAlertDeliveryReport
{
    private readonly SlackOptions _options = options.Value;
    private IGrainTimer? _timer;
    private long _attemptInFlight;

    private AlertOutbox Outbox => state.State.Outbox;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        ScheduleDelivery();
        return Task.CompletedTask;
    }

    public async Task NotifyAsync(AlertNotification notification)
    {
        using var span = PipelineSpans.StartAlert(notification);
        notification = PipelineSpans.Stamp(notification, span);
        var url = notification.WebhookUrl is { Length: > 0 } own ? own : _options.DefaultWebhookUrl;
        var record = Outbox.Accept(notification, string.IsNullOrEmpty(url) ? null : url, time.GetUtcNow(), _options.HistoryCapacity);
        if (record is null)
        {
            return;
        }

        if (record.Delivery == AlertDelivery.Logged)
        {
            LogNotPosted(logger, notification.Kind, SourceKey);
        }

        await state.WriteStateAsync();
        ScheduleDelivery();
    }

    public Task ResumeAsync()
    {
        ScheduleDelivery();
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<AlertRecord>> GetHistoryAsync(int limit) => Task.FromResult(Outbox.History(limit));

    public async Task ReportAsync(long alertId, DeliveryAttempt attempt)
    {
        if (_attemptInFlight == alertId)
        {
            _attemptInFlight = 0;
        }

        var kind = Outbox.Current?.Id == alertId ? Outbox.Current.Notification.Kind : (AlertKind?)null;
        var outcome = Outbox.Apply(alertId, attempt, time.GetUtcNow(), _options, Random.Shared);
        if (kind is { } k)
        {
            Count(k, outcome, attempt);
        }

        await state.WriteStateAsync();
        ScheduleDelivery();
    }

    private string SourceKey => this.GetPrimaryKeyString();

    /// <summary>Arms a one-shot timer for the next attempt at the outbox's current alert, and keeps the activation while one waits.</summary>
    private void ScheduleDelivery()
    {
        _timer?.Dispose();
        _timer = null;
        if (Outbox.Current is not { } current || _attemptInFlight != 0)
        {
            return;
        }

        var due = current.NextAttemptAt - time.GetUtcNow();
        _timer = this.RegisterGrainTimer(_ => StartAttempt(), new GrainTimerCreationOptions
        {
            DueTime = due > TimeSpan.Zero ? due : TimeSpan.Zero,
            Period = Timeout.InfiniteTimeSpan,
            KeepAlive = true,
        });
    }

    private Task StartAttempt()
    {
        if (Outbox.Current is not { } current || _attemptInFlight != 0)
        {
            return Task.CompletedTask;
        }

        _attemptInFlight = current.Id;
        var self = this.AsReference<IAlertDeliveryReport>();
        var post = slack.PostAsync(current.Notification, current.WebhookUrl, CancellationToken.None);
        // Not awaited in this turn: the result comes back as a call, so the grain stays free while the webhook answers.
        _ = post.ContinueWith(t => self.ReportAsync(current.Id, t.Result), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default).Unwrap();
        return Task.CompletedTask;
    }

    private void Count(AlertKind kind, AlertDelivery outcome, DeliveryAttempt attempt)
    {
        switch (outcome)
        {
            case AlertDelivery.Sent:
                metrics.AlertSent();
                LogPosted(logger, kind, SourceKey);
                break;
            case AlertDelivery.Failed:
                metrics.AlertFailed();
                LogFailed(logger, kind, SourceKey, attempt.StatusCode);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind} alert for {SourceKey} raised; no webhook configured, so it is only logged")]
    private static partial void LogNotPosted(ILogger logger, AlertKind kind, string sourceKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} alert for {SourceKey} posted to the webhook")]
    private static partial void LogPosted(ILogger logger, AlertKind kind, string sourceKey);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Kind} alert for {SourceKey} could not be delivered (last status {StatusCode}); it is marked failed in the alert history")]
    private static partial void LogFailed(ILogger logger, AlertKind kind, string sourceKey, int? statusCode);
}

[GenerateSerializer, Alias("sentiment.AlertGrainState")]
public sealed class AlertGrainState
{
    [Id(0)]
    public AlertOutbox Outbox { get; set; } = new();
}
