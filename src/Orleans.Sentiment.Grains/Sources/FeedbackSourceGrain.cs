using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Grains.Telemetry;
using Orleans.Streams;
using Orleans.Streams.Core;

namespace Orleans.Sentiment.Grains.Sources;

/// <summary>
/// One tenant's source: drops comments it has already seen, has the rest classified in batches, keeps the
/// rolling window and recent comments, and raises alerts when the negative share breaches the policy.
/// </summary>
[ImplicitStreamSubscription(Constants.CommentsNamespace)]
public sealed partial class FeedbackSourceGrain(
    [PersistentState("source", Constants.StorageName)] IPersistentState<FeedbackSourceState> state,
    IOptions<SentimentOptions> options,
    SentimentMetrics metrics,
    PipelineClock clock,
    ILogger<FeedbackSourceGrain> logger)
    : Grain, IFeedbackSourceGrain, IStreamSubscriptionObserver, IAsyncBatchObserver<Comment>
{
    private readonly SentimentOptions _options = options.Value;
    private SourceKey _key = null!;
    private bool _registered;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        _key = SourceKey.Parse(this.GetPrimaryKeyString());
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

    public Task<WindowSnapshot> GetWindowAsync() => Task.FromResult(state.State.Window.Snapshot(state.State.Alerts.Alerting));

    public Task<IReadOnlyList<ClassifiedComment>> GetRecentAsync(int limit) =>
        Task.FromResult<IReadOnlyList<ClassifiedComment>>(state.State.Recent.Take(Math.Max(0, limit)).ToArray());

    public Task<ClassifiedComment?> FindRecentAsync(string id) =>
        Task.FromResult(state.State.Recent.FirstOrDefault(c => c.Id == id));

    public Task<AlertPolicy> GetPolicyAsync() => Task.FromResult(state.State.Policy);

    public async Task SetPolicyAsync(AlertPolicy policy)
    {
        var errors = policy.Validate();
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors.Select(e => $"{e.Key} {e.Value}")), nameof(policy));
        }

        state.State.Policy = policy;
        state.State.Window.Resize(policy.WindowSize);
        await state.WriteStateAsync();
    }

    private async Task ProcessAsync(List<Comment> comments)
    {
        var fresh = SelectUnseen(comments);
        if (fresh.Count == 0)
        {
            return;
        }

        await RegisterWithTenantAsync();
        var classifier = GrainFactory.GetGrain<IClassifierGrain>(0);
        foreach (var chunk in fresh.Chunk(_options.ClassifierBatchSize))
        {
            var predictions = await classifier.ClassifyAsync(chunk.Select(c => c.Text).ToArray());
            for (var i = 0; i < chunk.Length; i++)
            {
                Record(chunk[i], predictions[i]);
            }

            await state.WriteStateAsync();
            await EvaluateAlertAsync();
        }
    }

    private List<Comment> SelectUnseen(List<Comment> comments)
    {
        var fresh = new List<Comment>(comments.Count);
        var inBatch = new HashSet<string>(StringComparer.Ordinal);
        foreach (var comment in comments)
        {
            if (comment.Tenant != _key.Tenant || comment.Source != _key.Source)
            {
                LogForeignComment(logger, _key.ToString());
                continue;
            }

            var id = string.IsNullOrEmpty(comment.Id) ? CommentIds.New() : comment.Id;
            if (!state.State.SeenIds.Contains(id) && inBatch.Add(id))
            {
                fresh.Add(comment with { Id = id });
            }
        }

        metrics.Duplicates(comments.Count - fresh.Count);
        return fresh;
    }

    private void Record(Comment comment, IReadOnlyDictionary<string, ModelPrediction> predictions)
    {
        var windowLabel = predictions[_options.WindowModel ?? predictions.Keys.First()].Label;
        var negative = _options.IsNegative(windowLabel);
        var classified = new ClassifiedComment(comment.Id!, comment.Text, comment.Timestamp, predictions, windowLabel, negative);
        state.State.Window.Add(windowLabel, negative);
        state.State.SeenIds.Add(classified.Id, _options.DedupeCapacity);
        var recent = state.State.Recent;
        recent.Insert(0, classified);
        if (recent.Count > _options.RecentCapacity)
        {
            recent.RemoveRange(_options.RecentCapacity, recent.Count - _options.RecentCapacity);
        }

        foreach (var (model, prediction) in predictions)
        {
            metrics.Classified(model, prediction.Label);
        }
    }

    private async Task EvaluateAlertAsync()
    {
        var window = state.State.Window;
        var policy = state.State.Policy;
        var now = clock.UtcNow;
        if (state.State.Alerts.Evaluate(window.Count, window.NegativeCount, policy, now) is not { } kind)
        {
            return;
        }

        await state.WriteStateAsync();
        metrics.AlertRaised(kind);
        LogAlert(logger, kind, _key.ToString(), window.NegativeCount, window.Count);
        var notification = new AlertNotification(_key.Tenant, _key.Source, kind, window.NegativeCount, window.Count, policy.WindowSize, policy.Threshold, policy.WebhookUrl, now);
        await GrainFactory.GetGrain<IAlertGrain>(_key.ToString()).NotifyAsync(notification);
    }

    private async Task RegisterWithTenantAsync()
    {
        if (!_registered)
        {
            await GrainFactory.GetGrain<ITenantGrain>(_key.Tenant).RegisterSourceAsync(_key.Source);
            _registered = true;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Comment stream of {SourceKey} reported an error")]
    private static partial void LogStreamError(ILogger logger, Exception exception, string sourceKey);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropped a comment whose tenant/source does not match stream {SourceKey}")]
    private static partial void LogForeignComment(ILogger logger, string sourceKey);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Kind} alert for {SourceKey}: {NegativeCount}/{Count} negative")]
    private static partial void LogAlert(ILogger logger, Contracts.AlertKind kind, string sourceKey, int negativeCount, int count);
}
