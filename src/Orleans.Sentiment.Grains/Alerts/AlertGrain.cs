using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Placement;
using Orleans.Runtime;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Grains.Telemetry;

namespace Orleans.Sentiment.Grains.Alerts;

/// <summary>
/// A source's alerts, decided and delivered in one place. It keeps the source's policy; the source grain hands over its
/// window's counts, and the alert state machine decides on them (raise, recover, hold for the cooldown). A message goes
/// into the outbox in the same state write as the decision, so after a crash it is neither lost nor raised twice. Each
/// webhook POST runs outside the grain's turn and reports back, so a slow or failing webhook never holds up the source
/// grain. Placed on the silo of its first caller, the source grain, so the call per delivered batch stays in the silo.
/// </summary>
[PreferLocalPlacement]
public sealed partial class AlertGrain(
    [PersistentState("alerts", Constants.StorageName)] IPersistentState<AlertGrainState> state,
    SlackWebhookClient slack,
    IOptions<SlackOptions> options,
    SentimentMetrics metrics,
    TimeProvider time,
    ILogger<AlertGrain> logger) : Grain, IAlertGrain, IAlertDeliveryReport, IAlertStateTakeover
{
    /// <summary>
    /// How long a spike waits for its source to attach the themes of its comments before it is sent without them. Grouping
    /// may first embed up to Themes:MaxComments comments (a few seconds of model work on two cores, more under load); a
    /// spike goes as soon as its themes come.
    /// </summary>
    private static readonly TimeSpan ThemesWait = TimeSpan.FromSeconds(30);

    private readonly SlackOptions _options = options.Value;
    private IGrainTimer? _timer;
    private long _attemptInFlight;

    private AlertOutbox Outbox => state.State.Outbox;

    private AlertStateMachine Decisions => state.State.Decisions;

    private AlertPolicy Policy => state.State.Policy ?? AlertPolicy.Default;

    /// <summary>"{tenant}/{source}".</summary>
    private string Key => this.GetPrimaryKeyString();

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        ScheduleDelivery();
        return Task.CompletedTask;
    }

    public async Task<AlertStatus> EvaluateAsync(WindowCounts window)
    {
        var policy = Policy;
        var queued = false;
        var spikes = new List<RaisedSpike>();
        foreach (var (rule, judgement) in SpikeJudge.JudgeAll(window, policy))
        {
            if (Machine(rule.Key).Evaluate(judgement, policy.Cooldown, window.At) is not { } kind)
            {
                continue;
            }

            var notification = Notification(kind, rule, judgement, window, policy);
            metrics.AlertRaised(kind);
            LogAlert(logger, kind, Key, notification.Label, notification.NegativeCount, notification.Count);
            using var span = PipelineSpans.StartAlert(notification);
            var awaitsThemes = kind == AlertKind.Spike && window.ThemesAvailable;
            Queue(PipelineSpans.Stamp(notification, span), awaitsThemes ? ThemesWait : TimeSpan.Zero);
            queued = true;
            if (awaitsThemes)
            {
                spikes.Add(new RaisedSpike(notification.Sequence, notification.Model, notification.Label));
            }
        }

        if (queued)
        {
            await SaveAsync();
            ScheduleDelivery();
        }

        return Status(window) with { NewSpikes = spikes };
    }

    public async Task AttachThemesAsync(long sequence, IReadOnlyList<AlertTheme> themes)
    {
        Outbox.AttachThemes(sequence, themes, time.GetUtcNow(), _attemptInFlight);
        await SaveAsync();
        ScheduleDelivery();
    }

    public Task<AlertPolicy> GetPolicyAsync() => Task.FromResult(Policy);

    public async Task<AlertStatus> SetPolicyAsync(AlertPolicy policy, WindowCounts window)
    {
        var errors = policy.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors.Select(e => $"{e.Key} {e.Value}")), nameof(policy));
        }

        state.State.Policy = policy;
        var watched = policy.Judges().Select(j => j.Key).ToHashSet(StringComparer.Ordinal);
        state.State.WatchDecisions?.Keys.Where(k => !watched.Contains(k)).ToList().ForEach(k => state.State.WatchDecisions.Remove(k));
        await SaveAsync();
        return Status(window);
    }

    public Task<IReadOnlyList<AlertRecord>> GetHistoryAsync(int limit) => Task.FromResult(Outbox.History(limit));

    public async Task TakeOverAsync(FormerSourceAlerts former)
    {
        // Each part only while this grain has none of its own (the outbox takes a message once), so a second
        // hand-over changes nothing.
        state.State.Policy ??= former.Policy;
        if (Decisions.Sequence == 0)
        {
            state.State.Decisions = former.Decisions;
        }

        if (former.LastNotification is { } last)
        {
            Queue(last);
        }

        await SaveAsync();
        ScheduleDelivery();
    }

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

        await SaveAsync();
        ScheduleDelivery();
    }

    /// <summary>What the source grain is told: whether it alerts, whether to keep evaluating it, and the window the policy asks for.</summary>
    private AlertStatus Status(WindowCounts window)
    {
        var policy = Policy;
        var keepEvaluating = SpikeJudge.JudgeAll(window, policy).Any(p => Machine(p.Rule.Key).KeepsEvaluating(p.Judgement));
        return new AlertStatus(Decisions.Alerting, keepEvaluating, new WindowSettings(policy.WindowSize, policy.WindowDuration, policy.ExportMetrics));
    }

    /// <summary>The decisions of one watched share: the main share's are the grain's original ones.</summary>
    private AlertStateMachine Machine(string key)
    {
        if (key == AlertPolicy.MainWatchKey)
        {
            return Decisions;
        }

        var machines = state.State.WatchDecisions ??= new Dictionary<string, AlertStateMachine>(StringComparer.Ordinal);
        if (!machines.TryGetValue(key, out var machine))
        {
            machines[key] = machine = new AlertStateMachine();
        }

        return machine;
    }

    private AlertNotification Notification(AlertKind kind, WatchRule rule, SpikeJudge.Judgement judgement, WindowCounts window, AlertPolicy policy)
    {
        var key = SourceKey.Parse(Key);
        return new AlertNotification(key.Tenant, key.Source, kind, judgement.Hits, judgement.Count, policy.WindowSize, rule.Threshold, policy.WebhookUrl,
            window.At, Outbox.LastSequence + 1, policy.WindowDuration)
        {
            WatchKey = rule.Key,
            Model = rule.Model,
            Label = rule.Label,
            Detector = rule.Detector,
            Baseline = judgement.Baseline,
            PValue = judgement.PValue,
            IncludeExamples = policy.IncludeExamples,
        };
    }

    /// <summary>Puts a message in the outbox, to the policy's webhook or the default one; without either it is only logged.</summary>
    private void Queue(AlertNotification notification, TimeSpan hold = default)
    {
        var url = notification.WebhookUrl is { Length: > 0 } own ? own : _options.DefaultWebhookUrl;
        var record = Outbox.Accept(notification, string.IsNullOrEmpty(url) ? null : url, time.GetUtcNow(), _options.HistoryCapacity, hold);
        if (record?.Delivery == AlertDelivery.Logged)
        {
            LogNotPosted(logger, notification.Kind, Key);
        }
    }

    /// <summary>
    /// Writes the state; when that fails, the activation goes, so the next call starts again from what storage holds
    /// instead of from a decision or a queued message that was never stored.
    /// </summary>
    private async Task SaveAsync()
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            DeactivateOnIdle();
            throw;
        }
    }

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
                LogPosted(logger, kind, Key);
                break;
            case AlertDelivery.Failed:
                metrics.AlertFailed();
                LogFailed(logger, kind, Key, attempt.StatusCode);
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} alert for {SourceKey}: {NegativeCount}/{Count} {Label}")]
    private static partial void LogAlert(ILogger logger, AlertKind kind, string sourceKey, string label, int negativeCount, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Kind} alert for {SourceKey} raised; no webhook configured, so it is only logged")]
    private static partial void LogNotPosted(ILogger logger, AlertKind kind, string sourceKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} alert for {SourceKey} posted to the webhook")]
    private static partial void LogPosted(ILogger logger, AlertKind kind, string sourceKey);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Kind} alert for {SourceKey} could not be delivered (last status {StatusCode}); it is marked failed in the alert history")]
    private static partial void LogFailed(ILogger logger, AlertKind kind, string sourceKey, int? statusCode);
}
