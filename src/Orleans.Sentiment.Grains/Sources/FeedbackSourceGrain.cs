using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Grains.Alerts;
using Orleans.Sentiment.Grains.Telemetry;
using Orleans.Sentiment.Grains.Themes;
using Orleans.Sentiment.Inference;
using Orleans.Sentiment.Inference.Languages;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace Orleans.Sentiment.Grains.Sources;

/// <summary>
/// One tenant's source. For each delivered stream batch it drops comments it has already seen, has the rest classified,
/// dead-letters the ones that cannot be, updates the window and recent comments, and writes its state once — before the
/// delivery completes, so a redelivery after a crash is recognised by comment id and counted once. Then it hands the
/// window's counts to its alert grain (<see cref="IAlertGrain"/>), which keeps the policy and decides; the source keeps
/// the window the policy asks for. A timer expires time windows and hands the counts over again while the decision can
/// change without new comments. Windows, baselines and cooldowns run on the source's time (<see cref="SourceClock"/>),
/// which follows the comments' timestamps, so a replay of past comments behaves as the past did.
/// </summary>
[ImplicitStreamSubscription(Constants.CommentsNamespace)]
public sealed partial class FeedbackSourceGrain(
    [PersistentState("source", Constants.StorageName)] IPersistentState<FeedbackSourceState> state,
    IOptions<SentimentOptions> options,
    IOptions<ThemesOptions> themesOptions,
    SentimentMetrics metrics,
    SourceSeries series,
    PipelineClock clock,
    ILogger<FeedbackSourceGrain> logger)
    : Grain, IFeedbackSourceGrain, IStreamSubscriptionObserver, IAsyncBatchObserver<Comment>
{
    private const string ForeignStreamReason = "foreign_stream";

    private readonly SentimentOptions _options = options.Value;
    private readonly ThemesOptions _themesOptions = themesOptions.Value;
    private readonly ThemeMemory _themes = new(themesOptions.Value.MaxComments, themesOptions.Value.UsesSentenceEncoder);
    private SourceKey _key = null!;
    private CommentClassifier _classifier = null!;
    private IGrainTimer? _timer;
    private bool _timerKeepsAlive;
    private AlertStatus _alerts = null!;

    /// <summary>
    /// The window changed since the alert grain last saw it. True at activation: a crash may have come between a state
    /// write and the hand-over that follows it.
    /// </summary>
    private bool _alertsBehind = true;

    /// <summary>What readers are shown while the window changes (<see cref="ChangeWindowAsync"/>); null otherwise.</summary>
    private WindowSnapshot? _shownWindow;

    private FeedbackSourceState Source => state.State;

    private DateTimeOffset SourceNow => Source.Clock.Now(clock.UtcNow);

    private IAlertGrain AlertGrain => GrainFactory.GetGrain<IAlertGrain>(_key.ToString());

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _key = SourceKey.Parse(this.GetPrimaryKeyString());
        _classifier = new CommentClassifier(GrainFactory, _options, _key.Tenant, () => Source.Models, () => Source.IncludeUnsupportedLanguages);
        await HandOverFormerAlertsAsync();
        var now = SourceNow;
        ExpireWindow(now);
        await UpdateAlertsAsync(now);
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

    public Task<WindowSnapshot> GetWindowAsync() => Task.FromResult(_shownWindow ?? Source.Window.Snapshot(_alerts.Alerting, SourceNow));

    public Task<IReadOnlyList<ClassifiedComment>> GetRecentAsync(int limit) => Task.FromResult(Source.Recent.Take(limit));

    public Task<ClassifiedComment?> FindRecentAsync(string id) => Task.FromResult(Source.Recent.Find(id));

    public Task<AlertPolicy> GetPolicyAsync() => AlertGrain.GetPolicyAsync();

    public Task<SourceThemes> GetThemesAsync(string? model, string label) => ThemeGrouping.FindAsync(_themes, model, label, _themesOptions, EmbedAsync);

    /// <summary>
    /// The alert grain validates and keeps the policy; the source shapes its window as the answer says, before the call
    /// returns. The policy goes in through the source so that calls only ever go from source to alert grain, never back,
    /// and the two grains cannot wait on each other.
    /// </summary>
    public async Task SetPolicyAsync(AlertPolicy policy)
    {
        _alerts = await AlertGrain.SetPolicyAsync(policy, Counts(SourceNow));
        await FollowModelSettingsAsync(policy);
        // The next evaluation decides under the new policy.
        _alertsBehind = true;
        await FollowWindowSettingsAsync();
        PublishSeries();
        ScheduleEvaluation();
    }

    private async Task ProcessAsync(List<Comment> comments)
    {
        using var span = PipelineSpans.StartProcessBatch(_key, comments);
        var (fresh, foreign) = SelectUnseen(comments);
        var outcomes = fresh.Count > 0 ? await _classifier.ClassifyAsync(fresh) : [];
        await ChangeWindowAsync(now => StoreAsync(comments, fresh, foreign, outcomes, now));

        // Released only once readers see the comments in the window, so the in-flight gauge never counts a comment as
        // done that no reader can find yet; a failure before this leaves them to the redelivery, which releases them.
        await CompleteInTenantLedgerAsync(comments);
    }

    /// <summary>Counts a delivery's classified comments, dead-letters the others and writes the state.</summary>
    private async Task StoreAsync(List<Comment> comments, List<Comment> fresh, List<Comment> foreign, IReadOnlyList<CommentClassifier.Outcome> outcomes, DateTimeOffset now)
    {
        var letters = foreign.Select(c => Letter(c, ForeignStreamReason, "the comment's tenant/source does not match its stream", now)).ToList();
        for (var i = 0; i < fresh.Count; i++)
        {
            if (outcomes[i].Predictions is { } predictions)
            {
                Record(fresh[i], predictions, outcomes[i].Language, Source.Clock.Observe(fresh[i].Timestamp, clock.UtcNow));
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

        ExpireWindow(SourceNow);
        await state.WriteStateAsync();
        Count(fresh, outcomes, foreign.Count, comments.Count);
    }

    private Task EvaluateOnTimerAsync(CancellationToken cancellationToken) => ChangeWindowAsync(async now =>
    {
        if (ExpireWindow(now))
        {
            await state.WriteStateAsync();
        }
    });

    /// <summary>
    /// Changes the window and stores it, hands it to the alert grain, and publishes it. Until the alert grain has
    /// answered, readers (whose calls interleave) see the window as it was, with the alert state that goes with it: never
    /// new counts with an old alert state.
    /// </summary>
    private async Task ChangeWindowAsync(Func<DateTimeOffset, Task> change)
    {
        _shownWindow = Source.Window.Snapshot(_alerts.Alerting, SourceNow);
        try
        {
            await change(SourceNow);
            // The comments just counted may have moved the source's time on.
            await UpdateAlertsAsync(SourceNow);
        }
        finally
        {
            _shownWindow = null;
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

    /// <summary>The models the policy chose and the label it watches: kept here, where comments are classified and counted.</summary>
    private async Task FollowModelSettingsAsync(AlertPolicy policy)
    {
        var models = policy.Models is { } chosen ? chosen.ToArray() : null;
        var watchesChanged = Source.Window.Watch(policy);
        if (!watchesChanged && Same(Source.Models, models) && Source.WatchModel == policy.WatchModel && Source.WatchLabel == policy.WatchLabel
            && Source.IncludeUnsupportedLanguages == policy.IncludeUnsupportedLanguages)
        {
            return;
        }

        (Source.Models, Source.WatchModel, Source.WatchLabel, Source.IncludeUnsupportedLanguages) =
            (models, policy.WatchModel, policy.WatchLabel, policy.IncludeUnsupportedLanguages);
        await state.WriteStateAsync();

        static bool Same(IReadOnlyList<string>? a, IReadOnlyList<string>? b) => a is null ? b is null : b is not null && a.SequenceEqual(b);
    }

    private void Record(Comment comment, IReadOnlyDictionary<string, Prediction> predictions, DetectedLanguage? language, DateTimeOffset at)
    {
        var (windowModel, windowLabel, negative, unread) = WindowLabeling.Of(predictions, Source.WatchModel, Source.WatchLabel, _options);
        Source.Window.Add(at, windowModel, negative, predictions.Select(p => KeyValuePair.Create(p.Key, p.Value.Label)), unread, language?.Code);
        _alertsBehind = true;
        _themes.Add(comment.Id!, comment.Text, predictions);

        // Embeddings (about 1.5 KB per model and comment) stay out of the persisted state.
        var stored = predictions.ToDictionary(p => p.Key, p => p.Value with { Embedding = null }, StringComparer.Ordinal);
        Source.Recent.Add(
            new ClassifiedComment(comment.Id!, comment.Text, comment.Timestamp, stored, windowLabel, negative) { Language = language },
            _options.RecentCapacity,
            _options.RecentMaxBytes);
    }

    private bool ExpireWindow(DateTimeOffset now)
    {
        var expired = Source.Window.Expire(now);
        _alertsBehind |= expired;
        return expired;
    }

    private WindowCounts Counts(DateTimeOffset now) => Source.Window.Counts(now) with { ThemesAvailable = _themes.Count > 0 };

    /// <summary>
    /// Hands the window's counts to the alert grain whenever its decision can have changed: the window changed since it
    /// last saw it, or time alone can change it (<see cref="AlertStatus.KeepEvaluating"/>). Awaited, after the state
    /// write, as the delivery's last step: a failure is retried by the redelivery (or at the next activation), and as the
    /// alert grain stores a message with the decision that raised it, and decides the same counts only once, no message
    /// is lost or repeated. One call per delivered batch, inside the silo (the alert grain is placed with its source).
    /// </summary>
    private async Task UpdateAlertsAsync(DateTimeOffset now)
    {
        if (!_alertsBehind && !_alerts.KeepEvaluating)
        {
            return;
        }

        _alerts = await AlertGrain.EvaluateAsync(Counts(now));
        _alertsBehind = false;
        await FollowWindowSettingsAsync();
        if (_alerts.NewSpikes.Count > 0)
        {
            // Grouping may first embed up to Themes:MaxComments comments (seconds of model work): it runs beside the
            // source's next turns instead of holding up this delivery, and the alert grain holds the spike until it ends.
            _ = AttachThemesAsync(_alerts.NewSpikes);
        }
    }

    /// <summary>
    /// Groups the comments behind each new spike (its label's comments in the window) into themes, named against the
    /// source's other comments, and hands the largest to the alert grain, which holds the spike until they come (or a time
    /// limit). Best effort: a failure only sends the spike without themes.
    /// </summary>
    private async Task AttachThemesAsync(IReadOnlyList<RaisedSpike> spikes)
    {
        foreach (var spike in spikes)
        {
            try
            {
                // The comments behind the spike: its label's in the window (at least Themes:MinComments of the newest).
                var found = await ThemeGrouping.FindAsync(_themes, spike.Model ?? (spike.Label == "negative" ? _options.WindowModel : null), spike.Label, _themesOptions, EmbedAsync, recent: Source.Window.Count);
                var top = found.Themes.Where(t => !t.IsOther).Take(_themesOptions.AlertThemes)
                    .Select(t => new AlertTheme(t.Name, t.Count, t.Share, t.Representatives.Select(r => r.Id).ToArray(), t.Representatives.Select(r => r.Text).ToArray()))
                    .ToArray();
                // Even with no themes (too few comments): the spike then goes at once instead of waiting out its hold.
                await AlertGrain.AttachThemesAsync(spike.Sequence, top);
            }
            catch (Exception e)
            {
                // Nothing awaits this task, so every failure ends here; the spike then goes when its hold ends.
                LogThemesNotAttached(logger, e, _key.ToString());
            }
        }
    }

    private Task<IReadOnlyList<float[]>> EmbedAsync(IReadOnlyList<string> texts) => GrainFactory.GetGrain<IClassifierGrain>(0).EmbedAsync(_key.Tenant, texts);

    /// <summary>Shapes the window as the policy asks (it changes with the policy), and stores it when that changed it.</summary>
    private async Task FollowWindowSettingsAsync()
    {
        var wanted = _alerts.Window;
        if (Source.Window.Capacity == wanted.Size && Source.Window.Duration == wanted.Duration)
        {
            return;
        }

        Source.Window.Reshape(wanted.Size, wanted.Duration);
        _alertsBehind = true;
        await state.WriteStateAsync();
    }

    /// <summary>
    /// A source stored by an earlier version kept its alert policy, alert state and last message in its own record: they
    /// go to its alert grain (which takes each only while it has none of its own) and then leave this record.
    /// </summary>
    private async Task HandOverFormerAlertsAsync()
    {
        if (Source.FormerPolicy is not { } policy)
        {
            return;
        }

        var former = new FormerSourceAlerts(policy, Source.FormerAlerts ?? new(), Source.FormerLastNotification);
        await GrainFactory.GetGrain<IAlertStateTakeover>(_key.ToString()).TakeOverAsync(former);
        (Source.FormerPolicy, Source.FormerAlerts, Source.FormerLastNotification) = (null, null, null);
        await state.WriteStateAsync();
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
        foreach (var outcome in outcomes.Where(o => o.Predictions is not null))
        {
            metrics.LanguageIdentified(outcome.Language?.Code);
        }

        foreach (var predictions in outcomes.Select(o => o.Predictions).OfType<IReadOnlyDictionary<string, Prediction>>())
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
        if (_alerts.Window.ExportMetrics)
        {
            series.Publish(_key, Source.Window.Count, Source.Window.NegativeRatio);
        }
        else
        {
            series.Remove(_key);
        }
    }

    /// <summary>
    /// Keeps a timer that re-evaluates the window. While the alert grain asks for it (the source alerts, or its share is
    /// over the threshold), the timer also keeps the activation alive, so a source that goes quiet still recovers (or
    /// still pages).
    /// </summary>
    private void ScheduleEvaluation()
    {
        var keepAlive = _alerts.KeepEvaluating;
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not attach themes to a spike of {SourceKey}; it is sent without them")]
    private static partial void LogThemesNotAttached(ILogger logger, Exception exception, string sourceKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tenant ledger of {Tenant} unreachable; its in-flight count will expire instead")]
    private static partial void LogLedgerUnreachable(ILogger logger, Exception exception, string tenant);
}
