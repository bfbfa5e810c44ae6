using System.Diagnostics;
using Orleans.Sentiment.Contracts;
using Orleans.Sentiment.Grains.Alerts;
using static Orleans.Sentiment.Grains.Telemetry.SentimentTracing;

namespace Orleans.Sentiment.Grains.Telemetry;

/// <summary>
/// Starts the spans a comment passes through, from the ingestion request to the alert post. Each returns null when
/// nothing listens; callers stop it with <c>using</c>. No span records comment text.
/// </summary>
public static class PipelineSpans
{
    /// <summary>One stream message going out; its comments then carry this span's context (<see cref="Stamp"/>).</summary>
    public static Activity? StartPublish(SourceKey key, int comments) =>
        Source.HasListeners() ? Source.StartActivity(PublishSpan, ActivityKind.Producer, default(ActivityContext), SourceTags(key, comments)) : null;

    /// <summary>The comments with <paramref name="publish"/>'s context; unchanged when untraced.</summary>
    public static IReadOnlyList<Comment> Stamp(IReadOnlyList<Comment> comments, Activity? publish)
    {
        if (publish is null)
        {
            return comments;
        }

        var trace = TraceContexts.Of(publish);
        return [.. comments.Select(c => c with { Trace = trace })];
    }

    /// <summary>
    /// One delivery in the source grain. A delivery holds up to several stream messages, from as many requests: the
    /// first message's publish span is the parent, so one request's batch is one trace, and every other message's is a
    /// link. Comments without a context (older messages, an untraced publisher) start a new trace.
    /// </summary>
    public static Activity? StartProcessBatch(SourceKey key, IReadOnlyList<Comment> comments)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        var published = comments.Select(c => c.Trace).OfType<TraceContext>().Distinct().Select(TraceContexts.Parse).Where(c => c != default).ToList();
        var parent = published.FirstOrDefault();
        var links = published.Skip(1).Select(c => new ActivityLink(c));
        return StartCarried(ProcessBatchSpan, ActivityKind.Consumer, parent, SourceTags(key, comments.Count), links);
    }

    /// <summary>
    /// One classifier call (a chunk of a delivery, or a /v1/classify request) in the silo that runs the models, child of
    /// the caller's span. It lasts from the call's arrival to its last prediction: waiting for the models to load, in
    /// the inference queue and in the model calls that served it, each of which it links to.
    /// </summary>
    public static Activity? StartClassify(string tenant, int texts)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        return StartCarried(ClassifySpan, ActivityKind.Internal, TraceContexts.FromCaller(), [new(TenantTag, tenant), new(TextCountTag, texts)]);
    }

    /// <summary>The alert grain taking a spike or recovery in, child of the source's span.</summary>
    public static Activity? StartAlert(AlertNotification alert)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        return StartCarried(AlertSpan, ActivityKind.Internal, TraceContexts.FromCaller(), AlertTags(alert));
    }

    /// <summary>The notification with <paramref name="alert"/>'s context, kept in the outbox for its posts; unchanged when untraced.</summary>
    public static AlertNotification Stamp(AlertNotification notification, Activity? alert) =>
        alert is null ? notification : notification with { Trace = TraceContexts.Of(alert) };

    /// <summary>One webhook post of an alert (a retry too), child of the span that took the alert in.</summary>
    public static Activity? StartAlertPost(AlertNotification alert)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        return StartCarried(AlertPostSpan, ActivityKind.Internal, TraceContexts.Parse(alert.Trace), AlertTags(alert));
    }

    /// <summary>Marks <paramref name="span"/> failed with the exception's type, never its message (which may quote input).</summary>
    public static void MarkFailed(Activity? span, Exception exception) => span?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);

    /// <summary>
    /// A span whose parent is only what was carried to it (a message's context, a grain call's request context): an
    /// activation's turns may run under whatever span was current when it started, which is no parent of theirs. With
    /// nothing carried, the span starts a new trace.
    /// </summary>
    private static Activity? StartCarried(string name, ActivityKind kind, ActivityContext parent, KeyValuePair<string, object?>[] tags, IEnumerable<ActivityLink>? links = null)
    {
        if (parent == default)
        {
            Activity.Current = null;
        }

        return Source.StartActivity(name, kind, parent, tags, links);
    }

    private static KeyValuePair<string, object?>[] SourceTags(SourceKey key, int comments) =>
        [new(TenantTag, key.Tenant), new(SourceTag, key.Source), new(CommentCountTag, comments)];

    private static KeyValuePair<string, object?>[] AlertTags(AlertNotification alert) =>
    [
        new(TenantTag, alert.Tenant), new(SourceTag, alert.Source), new(AlertKindTag, alert.Kind.ToString().ToLowerInvariant()),
        new(AlertNegativeCountTag, alert.NegativeCount), new(AlertWindowCountTag, alert.Count), new(AlertSequenceTag, alert.Sequence),
    ];
}
