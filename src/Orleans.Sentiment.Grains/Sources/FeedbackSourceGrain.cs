using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Grains.Telemetry;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace Orleans.Sentiment.Grains.Sources;

/// <summary>
/// One tenant's source. For each delivered stream batch it drops comments it has already seen, has the rest classified,
/// dead-letters the ones that cannot be, updates the window and recent comments, evaluates the alert policy once, and
/// writes its state once — before the delivery completes, so a redelivery after a crash is recognised by comment id and
/// counted once. A timer re-evaluates time windows and cooldowns while no comments arrive.
/// </summary>
[ImplicitStreamSubscription(Constants.CommentsNamespace)]
public sealed partial class FeedbackSourceGrain(
    [PersistentState("source", Constants.StorageName)] IPersistentState<FeedbackSourceState> state,
    IOptions<SentimentOptions> options,
    SentimentMetrics metrics,
    SourceSeries series,
    PipelineClock clock,
    ILogger<FeedbackSourceGrain> logger)
    : Grain, IFeedbackSourceGrain, IStreamSubscriptionObserver, IAsyncBatchObserver<Comment>
{
    private const string ForeignStreamReason = "foreign_stream";

    private readonly SentimentOptions _options = options.Value;
    private SourceKey _key = null!;
    private CommentClassifier _classifier = null!;
    private IGrainTimer? _timer;
    private bool _timerKeepsAlive;

    private FeedbackSourceState Source => state.State;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _key = SourceKey.Parse(this.GetPrimaryKeyString());
        _classifier = new CommentClassifier(GrainFactory, _options, _key.Tenant);
        if (Source.LastNotification is { } last)
        {
            // Idempotent downstream (by sequence): covers a crash between the state write and the hand-over.
            await AlertGrain.NotifyAsync(last);
        }

        ScheduleEvaluation();
        PublishSeries();
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        series.Remove(_key);
        return Task.CompletedTask;
    }

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<Comment>().ResumeAsync(this);

    public Task OnNextAsync(IList<SequentialItem<Comment>> items) => ProcessAsync(items.Select(i => i.Item).ToList());

    public Task OnCompletedAsync() => Task.CompletedTask;

    public Task OnErrorAsync(Exception ex)
    {
        LogStreamError(logger, ex, _key.ToString());
        return Task.CompletedTask;
    }

    public Task<WindowSnapshot> GetWindowAsync() => Task.FromResult(Source.Window.Snapshot(Source.Alerts.Alerting, clock.UtcNow));

    public Task<IReadOnlyList<ClassifiedComment>> GetRecentAsync(int limit) => Task.FromResult(Source.Recent.Take(limit));

    public Task<ClassifiedComment?> FindRecentAsync(string id) => Task.FromResult(Source.Recent.Find(id));

    public Task<AlertPolicy> GetPolicyAsync() => Task.FromResult(Source.Policy);

    public async Task SetPolicyAsync(AlertPolicy policy)
    {
        var errors = policy.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors.Select(e => $"{e.Key} {e.Value}")), nameof(policy));
        }

        Source.Policy = policy;
        Source.Window.Reshape(policy.WindowSize, policy.WindowDuration);
        await state.WriteStateAsync();
        PublishSeries();
        ScheduleEvaluation();
    }

    private IAlertGrain AlertGrain => GrainFactory.GetGrain<IAlertGrain>(_key.ToString());

    private async Task ProcessAsync(List<Comment> comments)
    {
        var (fresh, foreign) = SelectUnseen(comments);
        var outcomes = fresh.Count > 0 ? await _classifier.ClassifyAsync(fresh) : [];
        var now = clock.UtcNow;
        var letters = foreign.Select(c => Letter(c, ForeignStreamReason, "the comment's tenant/source does not match its stream", now)).ToList();
        for (var i = 0; i < fresh.Count; i++)
        {
            if (outcomes[i].Predictions is { } predictions)
            {
                Record(fresh[i], predictions, now);
            }
            else
            {
                letters.Add(Letter(fresh[i], outcomes[i].Reason!, outcomes[i].Detail ?? "", now));
            }

            Source.SeenIds.Add(fresh[i].Id!, _options.DedupeCapacity);
        }

        if (letters.Count > 0)
        {
            // Stored before the state write: after a crash in between, the redelivery dead-letters them again, once.
            await GrainFactory.GetGrain<IDeadLetterGrain>(_key.Tenant).AddAsync(letters);
        }

        Source.Window.Expire(now);
        var notification = Evaluate(now);
        await state.WriteStateAsync();
        Count(fresh, outcomes, foreign.Count, comments.Count);
        await CompleteInTenantLedgerAsync(comments);
        await HandOverAsync(notification);
        PublishSeries();
        ScheduleEvaluation();
    }

    private async Task EvaluateOnTimerAsync(CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var expired = Source.Window.Expire(now);
        var notification = Evaluate(now);
        if (expired || notification is not null)
        {
            await state.WriteStateAsync();
            await HandOverAsync(notification);
        }

        PublishSeries();
        ScheduleEvaluation();
    }

    private (List<Comment> Fresh, List<Comment> Foreign) SelectUnseen(List<Comment> comments)
    {
        var fresh = new List<Comment>(comments.Count);
        var foreign = new List<Comment>();
        var inBatch = new HashSet<string>(StringComparer.Ordinal);
        foreach (var comment in comments)
        {
            var id = CommentIds.OrNew(comment.Id);
            if (comment.Tenant != _key.Tenant || comment.Source != _key.Source)
            {
                LogForeignComment(logger, _key.ToString());
                foreign.Add(comment with { Id = id });
            }
            else if (!Source.SeenIds.Contains(id) && inBatch.Add(id))
            {
                fresh.Add(comment with { Id = id });
            }
        }

        return (fresh, foreign);
    }

    private void Record(Comment comment, IReadOnlyDictionary<string, ModelPrediction> predictions, DateTimeOffset now)
    {
        var windowModel = _options.WindowModel is { } configured && predictions.ContainsKey(configured) ? configured : predictions.Keys.First();
        var windowLabel = predictions[windowModel].Label;
        var negative = _options.IsNegative(windowLabel);
        Source.Window.Add(now, windowModel, negative, predictions.Select(p => KeyValuePair.Create(p.Key, p.Value.Label)));
        Source.Recent.Add(new ClassifiedComment(comment.Id!, comment.Text, comment.Timestamp, predictions, windowLabel, negative), _options.RecentCapacity, _options.RecentMaxBytes);
    }

    /// <summary>Runs the alert state machine; a message to send is also kept in state, so it survives a crash.</summary>
    private AlertNotification? Evaluate(DateTimeOffset now)
    {
        var window = Source.Window;
        var policy = Source.Policy;
        if (Source.Alerts.Evaluate(window.Count, window.NegativeCount, policy, now) is not { } kind)
        {
            return null;
        }

        metrics.AlertRaised(kind);
        LogAlert(logger, kind, _key.ToString(), window.NegativeCount, window.Count);
        Source.LastNotification = new AlertNotification(_key.Tenant, _key.Source, kind, window.NegativeCount, window.Count,
            policy.WindowSize, policy.Threshold, policy.WebhookUrl, now, Source.Alerts.Sequence, policy.WindowDuration);
        return Source.LastNotification;
    }

    private async Task HandOverAsync(AlertNotification? notification)
    {
        if (notification is not null)
        {
            await AlertGrain.NotifyAsync(notification);
        }
    }

    /// <summary>
    /// Releases the delivery's comments in the tenant's ledger, by id: the ledger releases each comment once, so the
    /// duplicates of a redelivery (or of a re-sent batch) name ids that no longer count and release nothing.
    /// </summary>
    private async Task CompleteInTenantLedgerAsync(List<Comment> delivered)
    {
        var ids = delivered.Where(c => c.Tenant == _key.Tenant && c.Source == _key.Source && c.Id is not null).Select(c => c.Id!).ToArray();
        if (ids.Length == 0)
        {
            return;
        }

        try
        {
            await GrainFactory.GetGrain<ITenantAdmissionGrain>(_key.Tenant).CompleteAsync(_key.Source, ids, completed: true);
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            // The ledger only bounds admission; a missed completion expires there (Ingestion:InFlightTimeout).
            LogLedgerUnreachable(logger, e, _key.Tenant);
        }
    }

    private void Count(List<Comment> fresh, IReadOnlyList<CommentClassifier.Outcome> outcomes, int foreign, int delivered)
    {
        foreach (var predictions in outcomes.Select(o => o.Predictions).OfType<IReadOnlyDictionary<string, ModelPrediction>>())
        {
            foreach (var (model, prediction) in predictions)
            {
                metrics.Classified(model, prediction.Label);
            }
        }

        // The reason code only: the letter's detail would give the metric a series per message.
        foreach (var reason in outcomes.Select(o => o.Reason).OfType<string>().Concat(Enumerable.Repeat(ForeignStreamReason, foreign)).GroupBy(r => r))
        {
            metrics.Failed(reason.Key, reason.Count());
        }

        metrics.Duplicates(delivered - fresh.Count - foreign);
    }

    private DeadLetter Letter(Comment comment, string reason, string detail, DateTimeOffset now) =>
        new(_key.Source, comment.Id!, comment.Text, string.IsNullOrEmpty(detail) ? reason : $"{reason}: {detail}", now);

    private void PublishSeries()
    {
        if (Source.Policy.ExportMetrics)
        {
            series.Publish(_key, Source.Window.Count, Source.Window.NegativeRatio);
        }
        else
        {
            series.Remove(_key);
        }
    }

    /// <summary>
    /// Keeps a timer that re-evaluates the window. While the source alerts, or its share is over the threshold, the
    /// timer also keeps the activation alive, so a source that goes quiet still recovers (or still pages).
    /// </summary>
    private void ScheduleEvaluation()
    {
        var keepAlive = Source.Alerts.Alerting || Source.Window.NegativeRatio > Source.Policy.Threshold;
        if (_timer is not null && keepAlive == _timerKeepsAlive)
        {
            return;
        }

        _timer?.Dispose();
        _timerKeepsAlive = keepAlive;
        _timer = this.RegisterGrainTimer(EvaluateOnTimerAsync, new GrainTimerCreationOptions
        {
            DueTime = _options.EvaluationInterval,
            Period = _options.EvaluationInterval,
            KeepAlive = keepAlive,
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Comment stream of {SourceKey} reported an error")]
    private static partial void LogStreamError(ILogger logger, Exception exception, string sourceKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dead-lettered a comment whose tenant/source does not match stream {SourceKey}")]
    private static partial void LogForeignComment(ILogger logger, string sourceKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tenant ledger of {Tenant} unreachable; its in-flight count will expire instead")]
    private static partial void LogLedgerUnreachable(ILogger logger, Exception exception, string tenant);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} alert for {SourceKey}: {NegativeCount}/{Count} negative")]
    private static partial void LogAlert(ILogger logger, Contracts.AlertKind kind, string sourceKey, int negativeCount, int count);
}
